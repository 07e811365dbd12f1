using System.Diagnostics;

namespace SupportBot.Benchmarks;

/// <summary>Closed-loop load: <c>connections</c> workers each send one request at a time for a fixed duration.</summary>
public static class LoadRun
{
    public static async Task<LoadResult> RunAsync(string name, int connections, TimeSpan duration,
        Func<HttpClient, Task<bool>> send, Uri baseAddress)
    {
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = connections, PooledConnectionLifetime = TimeSpan.FromMinutes(10) };
        using var client = new HttpClient(handler) { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };
        // warm-up: JIT, connection set-up, LiteDB page cache
        await Worker(client, send, TimeSpan.FromSeconds(1), connections);
        var latencies = new List<double>[connections];
        var errors = 0;
        var clock = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, connections).Select(async i =>
        {
            var mine = latencies[i] = new List<double>(100_000);
            while (clock.Elapsed < duration)
            {
                var started = Stopwatch.GetTimestamp();
                var ok = await send(client);
                mine.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                if (!ok)
                    Interlocked.Increment(ref errors);
            }
        });
        await Task.WhenAll(workers);
        var elapsed = clock.Elapsed;
        var all = latencies.SelectMany(l => l).Order().ToArray();
        return new LoadResult(name, connections, all.Length / elapsed.TotalSeconds, Percentile(all, 0.50), Percentile(all, 0.99), errors, all.Length);
    }

    private static async Task Worker(HttpClient client, Func<HttpClient, Task<bool>> send, TimeSpan duration, int connections)
    {
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, connections).Select(async _ =>
        {
            while (clock.Elapsed < duration)
                await send(client);
        }));
    }

    private static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
}

public sealed record LoadResult(string Name, int Connections, double RequestsPerSecond, double P50Ms, double P99Ms, int Errors, int Requests);
