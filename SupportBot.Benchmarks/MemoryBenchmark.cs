using System.Globalization;

namespace SupportBot.Benchmarks;

/// <summary>
/// Where the app's memory goes with N tickets stored, as its own process: the resident set when /health first
/// answers (the store opened and checked), once the search index has caught up, once the dashboard's facts are
/// loaded, once a first <c>/ticket</c> has loaded the open tickets (the queue every bare command shows), and after a
/// further idle spell; with the managed heap from <c>/metrics</c>. The data file is made once
/// (<c>--file</c>, kept for the next run: a million tickets take minutes to write) and copied for each run, so
/// every run starts from the same file; the search index beside the copy is built by the first run and only
/// caught up by the others, as after an ordinary restart.
/// </summary>
public static class MemoryBenchmark
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(20);

    public static async Task<int> RunAsync(string[] args)
    {
        var options = new BenchArgs(args);
        int tickets = options.Int("tickets", 100_000), runs = options.Int("runs", 3), idle = options.Int("idle", 5);
        // --env NAME=VALUE,...: runtime knobs to try without a rebuild (DOTNET_TieredPGO=0, DOTNET_GCConserveMemory=5)
        var env = (options.Text("env") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries).Select(e => e.Split('=', 2)).ToDictionary(e => e[0], e => e[1]);
        var file = options.Text("file", Path.Combine(Path.GetTempPath(), $"supportbot-memory-{tickets}.db"));
        if (!File.Exists(file))
        {
            Console.WriteLine($"filling {file} with {tickets:N0} tickets (kept for the next run)");
            SweepData.Fill(file, tickets, tickets / 100, DateTime.UtcNow);
        }
        if (runs == 0)
            return 0; // --runs 0: only make the file
        Report.Machine();
        Console.WriteLine(FormattableString.Invariant($"{file}: {new FileInfo(file).Length / 1048576.0:F0} MB, {tickets:N0} tickets; resident set in MB at each point, managed heap after the last GC{(env.Count == 0 ? "" : "; " + string.Join(' ', env.Select(e => $"{e.Key}={e.Value}")))}"));
        Console.WriteLine($"| run | start ms | at /health | index ready | facts loaded | after /ticket | idle | peak | GC heap | GC committed |");
        Console.WriteLine($"|-----|----------|------------|-------------|--------------|---------------|------|------|---------|--------------|");
        var copy = Path.Combine(Path.GetDirectoryName(file)!, Path.GetFileNameWithoutExtension(file) + "-run.db");
        var rows = new List<double[]>();
        for (var run = 1; run <= runs; run++)
        {
            File.Copy(file, copy, overwrite: true);
            File.Delete(Path.ChangeExtension(copy, null) + "-log.db");
            var row = await MeasureAsync(copy, idle, env);
            rows.Add(row);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {run,3} | {string.Join(" | ", row.Select(v => v.ToString("F0", CultureInfo.InvariantCulture)))} |"));
        }
        var median = Enumerable.Range(0, rows[0].Length).Select(i => rows.Select(r => r[i]).Order().ElementAt(rows.Count / 2));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| med | {string.Join(" | ", median.Select(v => v.ToString("F0", CultureInfo.InvariantCulture)))} |"));
        File.Delete(copy);
        File.Delete(Path.ChangeExtension(copy, null) + "-log.db");
        return 0;
    }

    private static async Task<double[]> MeasureAsync(string db, int idleSeconds, IReadOnlyDictionary<string, string> env)
    {
        await using var app = AppProcess.Start(db, new Dictionary<string, string>(env)
        {
            ["Dashboard__WarmUpDelay"] = "00:00:00",
            ["Logging__LogLevel__SupportBot.Search.SearchIndexer"] = "Information",
            ["Logging__LogLevel__SupportBot.Dashboard.Data.FactsWarmUp"] = "Debug",
        });
        var started = await app.HealthyAsync(Patience);
        var atHealth = app.Memory().RssMb;
        await app.LoggedAsync("Search index", Patience);
        var indexed = app.Memory().RssMb;
        await app.LoggedAsync("Dashboard facts loaded", Patience);
        var facts = app.Memory().RssMb;
        await FirstCommandAsync(app);
        var command = app.Memory().RssMb;
        await Task.Delay(TimeSpan.FromSeconds(idleSeconds));
        var (idle, peak) = app.Memory();
        var heap = await app.MetricAsync("dotnet_gc_last_collection_heap_size_bytes") / 1048576;
        var committed = await app.MetricAsync("dotnet_gc_last_collection_memory_committed_size_bytes") / 1048576;
        return [started.TotalMilliseconds, atHealth, indexed, facts, command, idle, peak, heap, committed];
    }

    /// <summary>A bare <c>/ticket</c> from an engineer: the first use of the open tickets after a start.</summary>
    private static async Task FirstCommandAsync(AppProcess app)
    {
        using var client = new HttpClient { BaseAddress = app.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        var ts = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var command = HttpBenchmark.Signed($"command=%2Fticket&text=&user_id={BenchApp.Engineer}&channel_id=C_SUPPORT&team_id=T1", ts);
        using var content = new StringContent(command.Body, System.Text.Encoding.UTF8, "application/x-www-form-urlencoded");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/slack/command") { Content = content };
        request.Headers.Add("X-Slack-Request-Timestamp", ts);
        request.Headers.Add("X-Slack-Signature", command.Signature);
        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        // the answer lists the queue: the open tickets were read (an unknown command would not touch them)
        if (!response.IsSuccessStatusCode || !text.Contains("waiting in the queue", StringComparison.Ordinal))
            throw new InvalidOperationException($"the first /ticket did not list the queue: {(int)response.StatusCode} {text}");
    }
}
