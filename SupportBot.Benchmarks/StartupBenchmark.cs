using System.Diagnostics;
using System.Globalization;

namespace SupportBot.Benchmarks;

/// <summary>
/// The app as its own process (as deployed): time from process start to GET /health 200, and the working set
/// once idle with 100,000 tickets stored.
/// </summary>
public static class StartupBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var tickets = args.Length > 1 && int.TryParse(args[1], CultureInfo.InvariantCulture, out var n) ? n : 100_000;
        var dll = Path.Combine(AppContext.BaseDirectory, "SupportBot.dll");
        var db = Path.Combine(Path.GetTempPath(), $"supportbot-start-{Guid.NewGuid():N}.db");
        // 1% due, like the sweep benchmark: the app's first sweeps have real work right after start
        SweepData.Fill(db, tickets, tickets / 100, DateTime.UtcNow);
        Report.Machine();
        Console.WriteLine($"| {"run",3} | {"tickets",8} | {"start → /health 200 ms",22} | {"idle working set MB",19} | {"peak working set MB",19} |");
        Console.WriteLine($"|-----|----------|------------------------|---------------------|---------------------|");
        var starts = new List<double>();
        for (var run = 1; run <= 3; run++)
        {
            var (ms, rss, peak) = await StartOnceAsync(dll, db);
            starts.Add(ms);
            Console.WriteLine($"| {run,3} | {tickets,8} | {ms,22:F0} | {rss,19:F0} | {peak,19:F0} |");
        }
        Console.WriteLine($"median start: {starts.Order().ElementAt(1):F0} ms");
        foreach (var f in new[] { db, Path.ChangeExtension(db, null) + "-log.db" })
            File.Delete(f);
        return 0;
    }

    private static async Task<(double Ms, double RssMb, double PeakMb)> StartOnceAsync(string dll, string db)
    {
        var port = FreePort();
        var info = new ProcessStartInfo("dotnet", [dll, "--urls", $"http://127.0.0.1:{port}"])
        {
            RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = AppContext.BaseDirectory,
        };
        foreach (var (k, v) in new Dictionary<string, string>
                 {
                     ["Slack__BotToken"] = "xoxb-bench", ["Slack__SigningSecret"] = BenchApp.Secret,
                     ["Slack__ApiBaseUrl"] = "http://127.0.0.1:9/api/", ["Slack__SupportChannel"] = "C_SUPPORT",
                     ["Slack__SupportTeam__0"] = BenchApp.Engineer, ["ConnectionStrings__LiteDb"] = $"Filename={db}",
                     ["Logging__LogLevel__Default"] = "Warning", ["ASPNETCORE_ENVIRONMENT"] = "Production",
                 })
            info.Environment[k] = v;
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(1) };
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(info)!;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        double startedMs;
        while (true)
        {
            try
            {
                using var r = await http.GetAsync(new Uri($"http://127.0.0.1:{port}/health"));
                if (r.IsSuccessStatusCode)
                {
                    startedMs = clock.Elapsed.TotalMilliseconds;
                    break;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
            }
            if (clock.Elapsed > TimeSpan.FromSeconds(60) || process.HasExited)
                throw new InvalidOperationException("the app did not become healthy");
            await Task.Delay(10);
        }
        await Task.Delay(TimeSpan.FromSeconds(5)); // idle: scheduled sweeps run, caches settle
        var (rss, peak) = Memory(process.Id);
        process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();
        return (startedMs, rss, peak);
    }

    private static (double RssMb, double PeakMb) Memory(int pid)
    {
        var lines = File.ReadAllLines($"/proc/{pid}/status");
        double Kb(string key) => double.Parse(lines.First(l => l.StartsWith(key, StringComparison.Ordinal)).Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
        return (Kb("VmRSS:") / 1024, Kb("VmHWM:") / 1024);
    }

    private static int FreePort()
    {
        using var socket = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        socket.Start();
        return ((System.Net.IPEndPoint)socket.LocalEndpoint).Port;
    }
}
