using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using SupportBot.Sla;

using SupportBot.Outbox;

namespace SupportBot.Benchmarks;

/// <summary>
/// Times one pass of each SLA job (and all three) over N stored tickets. Every run starts from a fresh copy of
/// the same file and a fresh store, so runs are alike. Warm-up runs are not counted: until tiered JIT has
/// optimised the hot paths a pass costs several times what it does in a bot that has been up for a while.
/// With <c>--postgres</c> the same tickets are COPYed into a template database and each run gets a clone of it.
/// </summary>
public static class SweepBenchmark
{
    private static readonly DateTime Now = new(2025, 1, 8, 12, 0, 0, DateTimeKind.Utc);

    private static readonly (string Name, Type[] Sweeps)[] Jobs =
    [
        ("sla reminders", [typeof(SlaReminderSweep)]),
        ("pending", [typeof(PendingSweep)]),
        ("auto-close", [typeof(AutoCloseSweep)]),
        ("all three", [typeof(SlaReminderSweep), typeof(PendingSweep), typeof(AutoCloseSweep)]),
    ];

    public static Task<int> RunAsync(string[] args)
    {
        var options = new BenchArgs(args);
        int tickets = options.Int("tickets", 100_000), due = options.Int("due", 1_000), runs = options.Int("runs", 5), warmup = options.Int("warmup", 3);
        var folder = Directory.CreateTempSubdirectory("supportbot-bench-").FullName;
        using var database = options.Postgres is { } server ? BenchDatabase.Create(server) : null;
        try
        {
            var template = Path.Combine(folder, "template.db");
            var fill = Stopwatch.StartNew();
            if (database is null)
                SweepData.Fill(template, tickets, due, Now);
            else
                PostgresFill.Tickets(database.ConnectionString, SweepData.Tickets(tickets, due, Now));
            Console.WriteLine(FormattableString.Invariant(
                $"Filled {tickets:N0} tickets ({due:N0} due per job) in {fill.Elapsed.TotalSeconds:F1} s into {(database is null ? $"a LiteDB file of {new FileInfo(template).Length / 1048576.0:F0} MB" : "PostgreSQL")}"));
            Report.Machine();
            Console.WriteLine($"median of {runs} runs after {warmup} warm-up runs");
            Console.WriteLine();
            Console.WriteLine($"{"job",-16}{"acted",8}{"median ms",12}{"min ms",10}{"max ms",10}{"cpu ms",10}{"idle ms",10}");
            foreach (var (name, sweeps) in Jobs)
            {
                var samples = Enumerable.Range(0, warmup + runs).Select(run => database is null
                    ? MeasureFile(template, Path.Combine(folder, $"run{run}.db"), sweeps)
                    : MeasureDatabase(database, sweeps)).Skip(warmup).ToList();
                var ms = samples.Select(s => s.Ms).Order().ToList();
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{name,-16}{samples[0].Acted,8}{ms[ms.Count / 2],12:F1}{ms[0],10:F1}{ms[^1],10:F1}{Median(samples.Select(s => s.CpuMs)),10:F1}{Median(samples.Select(s => s.IdleMs)),10:F1}"));
            }
            Console.WriteLine();
            Console.WriteLine("acted: tickets the pass changed and messaged; cpu: process CPU time of the pass (median; steadier than wall");
            Console.WriteLine("time on a busy machine); idle: a second pass right after, when nothing is due (the index probe alone).");
            return Task.FromResult(0);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted[sorted.Count / 2];
    }

    private static (int Acted, double Ms, double CpuMs, double IdleMs) MeasureFile(string template, string path, Type[] sweepTypes)
    {
        File.Copy(template, path, overwrite: true);
        try
        {
            return Measure(SweepHost.Build(path, new FixedTime(new DateTimeOffset(Now))), sweepTypes);
        }
        finally
        {
            File.Delete(path);
            File.Delete(Path.ChangeExtension(path, null) + "-log.db");
        }
    }

    private static (int Acted, double Ms, double CpuMs, double IdleMs) MeasureDatabase(BenchDatabase template, Type[] sweepTypes)
    {
        using var copy = template.CopyOf();
        copy.Execute("analyze tickets"); // a clone starts without the planner's statistics
        return Measure(SweepHost.Build("unused.db", new FixedTime(new DateTimeOffset(Now)), copy.ConnectionString), sweepTypes);
    }

    private static (int Acted, double Ms, double CpuMs, double IdleMs) Measure(IHost built, Type[] sweepTypes)
    {
        using var host = built;
        var sweeps = sweepTypes.Select(t => (ISweep)host.Services.GetRequiredService(t)).ToList();
        // the bot's store is open long before a sweep runs: opening it (mapping types, checking indexes) is not
        // part of the pass
        host.Services.GetRequiredService<SupportBot.Storage.IStoreGate>().Read(s => s.Outbox.CountSetAside());
        // the previous runs' hosts and mappers are garbage with finalizers (compiled accessors): not this run's cost
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        var acted = sweeps.Sum(s => s.Run());
        var ms = clock.Elapsed.TotalMilliseconds;
        process.Refresh();
        var cpuMs = (process.TotalProcessorTime - cpu).TotalMilliseconds;
        clock.Restart();
        var again = sweeps.Sum(s => s.Run());
        var idle = clock.Elapsed.TotalMilliseconds;
        if (again != 0)
            throw new InvalidOperationException($"a second pass acted on {again} tickets; reminders would repeat");
        return (acted, ms, cpuMs, idle);
    }
}
