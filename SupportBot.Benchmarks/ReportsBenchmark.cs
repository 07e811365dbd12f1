using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using Microsoft.Extensions.DependencyInjection;
using SupportBot.Dashboard.Data;
using SupportBot.Dashboard.Html;
using SupportBot.Dashboard.Pages;
using SupportBot.Dashboard.Reports;
using SupportBot.Slack.Users;

namespace SupportBot.Benchmarks;

/// <summary>
/// The dashboard's Reports page over N stored tickets (default 100,000 over a year): the first load of the
/// in-memory facts, then the page (aggregates, SVG charts, HTML) for the default 12 weeks and for the whole year,
/// and the CSV export of a month. Median of runs after warm-up, as for the other modes.
/// </summary>
public static class ReportsBenchmark
{
    private static readonly DateTime Now = new(2026, 12, 1, 12, 0, 0, DateTimeKind.Utc);

    public static Task<int> RunAsync(string[] args)
    {
        var options = new BenchArgs(args);
        int tickets = options.Int("tickets", 100_000), runs = options.Int("runs", 7), warmup = options.Int("warmup", 3);
        var folder = Directory.CreateTempSubdirectory("supportbot-bench-").FullName;
        try
        {
            var path = Path.Combine(folder, "reports.db");
            var fill = Stopwatch.StartNew();
            ReportsData.Fill(path, tickets, Now);
            Console.WriteLine(FormattableString.Invariant(
                $"Filled {tickets:N0} tickets over a year in {fill.Elapsed.TotalSeconds:F1} s, {new FileInfo(path).Length / 1048576.0:F0} MB"));
            Console.WriteLine(FormattableString.Invariant(
                $"{Environment.ProcessorCount} cores · {RuntimeInformation.FrameworkDescription} · {RuntimeInformation.OSDescription} · median of {runs} runs after {warmup} warm-up runs"));
            using var host = SweepHost.Build(path, new FixedTime(new DateTimeOffset(Now)));
            var facts = host.Services.GetRequiredService<TicketFacts>();
            var names = host.Services.GetRequiredService<SlackUserDirectory>();
            var before = GC.GetTotalMemory(forceFullCollection: true);
            var load = Stopwatch.StartNew();
            var count = facts.All().Count;
            Console.WriteLine(FormattableString.Invariant(
                $"First load of {count:N0} facts (once per process): {load.Elapsed.TotalMilliseconds:F0} ms, {(GC.GetTotalMemory(true) - before) / 1048576.0:F0} MB held"));
            Console.WriteLine();
            Console.WriteLine($"{"what",-34}{"median ms",12}{"min ms",10}{"max ms",10}{"KB",8}");
            Row("Reports page, last 12 weeks", runs, warmup, () => Page(facts, names, null, null));
            Row("Reports page, the whole year", runs, warmup, () => Page(facts, names, "2025-12-01", "2026-12-01"));
            Row("Queue page", runs, warmup, () => TicketLists.Queue(facts.All(), ListQuery.Default, Now, names));
            Row("Team page, all open by customer", runs, warmup,
                () => TeamPage.Render(facts.All(), [], ListQuery.Default with { Sort = ListSort.Customer }, Now, names));
            Row("CSV export, one month", runs, warmup, () => CsvExport.Write(facts.All(), Now.AddDays(-30), Now, Now, names));
            return Task.FromResult(0);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static string Page(TicketFacts facts, SlackUserDirectory names, string? from, string? to)
    {
        var range = ReportRange.Parse(from, to, Now).Range!;
        var report = SupportBot.Dashboard.Reports.Report.Build(facts.All(), range.From, range.To, Now);
        return Layout.Page("Reports", "/reports", ReportsPage.Render(report, range.From, range.To, names), "U_ENG1", "");
    }

    private static void Row(string name, int runs, int warmup, Func<string> render)
    {
        var size = 0;
        var ms = Enumerable.Range(0, warmup + runs).Select(_ =>
        {
            var clock = Stopwatch.StartNew();
            size = render().Length;
            return clock.Elapsed.TotalMilliseconds;
        }).Skip(warmup).Order().ToList();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name,-34}{ms[ms.Count / 2],12:F1}{ms[0],10:F1}{ms[^1],10:F1}{size / 1024,8}"));
    }
}
