using System.Globalization;

namespace SupportBot.Benchmarks;

/// <summary>
/// One run comparing the stores as deployed: form submissions through app processes on a LiteDB file, on PostgreSQL
/// with one replica and with two, at each connection level; then, with <c>--sweeps</c>, the SLA jobs on both stores.
/// PostgreSQL is a throwaway cluster started for the run (<see cref="ThrowawayPostgres"/>, fsync on), or the server
/// <c>--postgres</c> names. The defaults keep the run under ~3 minutes; <c>--seconds</c> and <c>--warmup</c> lengthen it.
/// </summary>
public static class CompareBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var options = new BenchArgs(args);
        var duration = TimeSpan.FromSeconds(options.Int("seconds", 4));
        int[] levels = [.. options.Text("connections", "1,16,64").Split(',').Select(c => int.Parse(c, CultureInfo.InvariantCulture))];
        using var throwaway = options.Postgres is null ? ThrowawayPostgres.Start() : null;
        var postgres = options.Postgres ?? throwaway!.ServerConnection;
        Console.WriteLine(throwaway is null ? "PostgreSQL: the server --postgres names" : $"PostgreSQL: a throwaway {throwaway.Version} cluster, fsync on");

        var results = new List<LoadResult>();
        foreach (var (name, replicas, server) in new[] { ("LiteDB ×1", 1, (string?)null), ("PostgreSQL ×1", 1, postgres), ("PostgreSQL ×2", 2, postgres) })
        {
            results.AddRange(await ReplicasBenchmark.MeasureAsync(replicas, levels, duration, server, name));
            Console.Write($"{name} done; ");
            Report.Machine(); // the load average during each store's run, not only at the end
        }
        Report.Table($"Form submissions (view_submission, each a new ticket) through app processes, {duration.TotalSeconds:F0} s per level " +
                     $"after {LoadRun.WarmUp.TotalSeconds:F0} s of warm-up", results.OrderBy(r => r.Connections));
        if (args.Contains("--sweeps"))
            await SweepsAsync(options, postgres);
        return 0;
    }

    /// <summary>The SLA jobs over the same generated tickets on each store (SweepBenchmark's own run, once per store).</summary>
    private static async Task SweepsAsync(BenchArgs options, string postgres)
    {
        string[] common = ["--tickets", options.Text("tickets", "100000"), "--due", options.Text("due", "1000"),
            "--runs", options.Text("runs", "3"), "--warmup", options.Text("sweep-warmup", "2")];
        Console.WriteLine("\nSLA sweeps on LiteDB");
        await SweepBenchmark.RunAsync(common);
        Console.WriteLine("\nSLA sweeps on PostgreSQL");
        await SweepBenchmark.RunAsync([.. common, "--postgres", postgres]);
    }
}
