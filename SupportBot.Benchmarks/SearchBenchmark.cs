using System.Diagnostics;
using System.Globalization;
using LiteDB;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using SupportBot.LiteDb;
using SupportBot.Search;
using SupportBot.Storage;
using SupportBot.Tickets;

namespace SupportBot.Benchmarks;

/// <summary>
/// The search index over N tickets: the start-up rebuild from the LiteDB store (what deleting the index folder
/// costs), then query latency for <c>/status search</c> words and for a take's similar-solved lookup, and memory.
/// </summary>
public static class SearchBenchmark
{
    private static readonly string[] Vocabulary =
    [
        "search", "timeout", "monorepo", "indexer", "zoekt", "shard", "gitserver", "disk", "memory", "upgrade", "login",
        "saml", "oidc", "proxy", "certificate", "batch", "changes", "insights", "chart", "webhook", "permissions",
        "repository", "sync", "github", "gitlab", "bitbucket", "perforce", "license", "billing", "seat", "precise",
        "navigation", "symbols", "cody", "embedding", "latency", "slow", "crash", "panic", "error", "500", "502",
        "kubernetes", "helm", "docker", "postgres", "redis", "migration", "backup", "restore", "api", "token", "rate",
        "limit", "executor", "notebook", "dashboard", "alert", "prometheus", "grafana", "tracing", "ssl", "dns",
    ];

    public static async Task<int> RunAsync(string[] args)
    {
        var options = new BenchArgs(args);
        int tickets = options.Int("tickets", 100_000), queries = options.Int("queries", 2_000);
        var folder = Directory.CreateTempSubdirectory("supportbot-search-bench-").FullName;
        try
        {
            var dbPath = Path.Combine(folder, "supportbot.db");
            var fill = Stopwatch.StartNew();
            Fill(dbPath, tickets);
            Console.WriteLine(FormattableString.Invariant($"Stored {tickets:N0} tickets in {fill.Elapsed.TotalSeconds:F1} s"));
            Report.Machine();

            using var file = new StoreFile($"Filename={dbPath}", (c, m) => new LiteDatabase(c, m), NullLogger<StoreFile>.Instance);
            using var gate = new StoreGate(file, NullLogger<StoreGate>.Instance);
            var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["ConnectionStrings:LiteDb"] = $"Filename={dbPath}",
            }).Build();
            var location = new SearchLocation(config);
            var indexer = new SearchIndexer(gate, location, NullLogger<SearchIndexer>.Instance);
            GC.Collect();
            var before = GC.GetTotalMemory(forceFullCollection: true);
            var build = Stopwatch.StartNew();
            await indexer.StartAsync(CancellationToken.None);
            while (indexer.Index is null)
                await Task.Delay(5);
            build.Stop();
            var index = indexer.Index;
            var size = Directory.GetFiles(location.Folder!).Sum(f => new FileInfo(f).Length);
            Console.WriteLine(FormattableString.Invariant(
                $"rebuild from the store: {build.Elapsed.TotalSeconds:F1} s for {index.Count:N0} tickets, index {size / 1048576.0:F0} MB on disk"));

            var random = new Random(7);
            var words = Time(queries, () => index.Search(Words(random, random.Next(1, 4)), 10));
            var like = Time(queries, () => index.Similar(Synthetic(random.Next(1, tickets), random), 3, solvedOnly: true));
            var managed = GC.GetTotalMemory(forceFullCollection: true) - before;
            using var process = Process.GetCurrentProcess();
            Console.WriteLine($"| {"query",-26} | {"n",6} | {"p50 ms",7} | {"p99 ms",7} | {"max ms",7} |");
            Console.WriteLine($"|{new string('-', 28)}|{new string('-', 8)}|{new string('-', 9)}|{new string('-', 9)}|{new string('-', 9)}|");
            Row("/status search (1-3 words)", words);
            Row("similar solved (take)", like);
            Console.WriteLine(FormattableString.Invariant(
                $"memory: managed heap held by the index {managed / 1048576.0:F0} MB; process working set {process.WorkingSet64 / 1048576.0:F0} MB, peak {process.PeakWorkingSet64 / 1048576.0:F0} MB"));
            await indexer.StopAsync(CancellationToken.None);
            return 0;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static void Fill(string dbPath, int count)
    {
        using var db = new LiteDatabase($"Filename={dbPath}", LiteDbFactory.CreateMapper());
        SupportBot.LiteDb.LiteSchema.Apply(db);
        var random = new Random(42);
        var tickets = db.GetCollection<Ticket>(SupportBot.LiteDb.LiteTicketRows.Collection);
        const int Batch = 5_000;
        for (var start = 1; start <= count; start += Batch)
            tickets.InsertBulk(Enumerable.Range(start, Math.Min(Batch, count - start + 1)).Select(n => ToTicket(Synthetic(n, random))));
    }

    private static IndexedTicket Synthetic(int number, Random random) => new(number,
        Words(random, random.Next(3, 8)), Words(random, random.Next(20, 80)), Words(random, random.Next(0, 30)), "",
        random.Next(10) < 8 ? TicketStatus.Closed : TicketStatus.Open, $"Customer {random.Next(500)}", DateTime.UtcNow);

    private static Ticket ToTicket(IndexedTicket t) => new()
    {
        Number = t.Number, Subject = t.Subject, Description = t.Description, Status = t.Status, CustomerName = t.Customer,
        ChannelId = "C_BENCH", RequesterId = "U_BENCH", CreatedAt = t.UpdatedAt, UpdatedAt = t.UpdatedAt,
        Notes = t.Notes.Length == 0 ? [] : [new TicketNote { At = t.UpdatedAt, AuthorId = "U_ENG", Text = t.Notes }],
        Resolution = t.Status == TicketStatus.Closed ? new TicketResolution { Path = ResolutionPath.Confirmed, Note = "customer confirmed", At = t.UpdatedAt } : null,
    };

    /// <summary>Mostly the support vocabulary (skewed: a few words are everywhere), with a long tail of rarer words like real tickets.</summary>
    private static string Words(Random random, int count) => string.Join(' ', Enumerable.Range(0, count).Select(_ =>
        random.Next(10) < 6
            ? Vocabulary[(int)(Math.Pow(random.NextDouble(), 2) * Vocabulary.Length)]
            : "w" + ((int)(Math.Pow(random.NextDouble(), 3) * LongTail)).ToString(CultureInfo.InvariantCulture)));

    private const int LongTail = 20_000;

    internal static List<double> Time(int count, Action query)
    {
        for (var i = 0; i < 50; i++)
            query(); // warm-up: JIT and the OS page cache
        var samples = new List<double>(count);
        for (var i = 0; i < count; i++)
        {
            var started = Stopwatch.GetTimestamp();
            query();
            samples.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
        samples.Sort();
        return samples;
    }

    internal static void Row(string name, List<double> ms) => Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"| {name,-26} | {ms.Count,6} | {ms[ms.Count / 2],7:F2} | {ms[(int)(ms.Count * 0.99)],7:F2} | {ms[^1],7:F2} |"));
}
