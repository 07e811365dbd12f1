using System.Diagnostics;

namespace SupportBot.Benchmarks;

/// <summary>
/// Closed-loop load: <c>connections</c> workers each send one request at a time for a fixed duration. Given several
/// servers (replicas), the workers are dealt out among them in turn, as a load balancer spreads connections.
/// </summary>
public static class LoadRun
{
    public static async Task<LoadResult> RunAsync(string name, int connections, TimeSpan duration,
        Func<HttpClient, Task<bool>> send, params Uri[] baseAddresses)
    {
        var clients = baseAddresses.Select(address => new HttpClient(
                new SocketsHttpHandler { MaxConnectionsPerServer = connections, PooledConnectionLifetime = TimeSpan.FromMinutes(10) })
            { BaseAddress = address, Timeout = TimeSpan.FromSeconds(30) }).ToList();
        try
        {
            return await RunAsync(name, connections, duration, send, clients);
        }
        finally
        {
            clients.ForEach(c => c.Dispose());
        }
    }

    private static async Task<LoadResult> RunAsync(string name, int connections, TimeSpan duration,
        Func<HttpClient, Task<bool>> send, List<HttpClient> clients)
    {
        // warm-up: JIT, connection set-up, LiteDB page cache
        await Worker(clients, send, TimeSpan.FromSeconds(1), connections);
        var latencies = new List<double>[connections];
        var errors = 0;
        var clock = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, connections).Select(async i =>
        {
            var mine = latencies[i] = new List<double>(100_000);
            var client = clients[i % clients.Count];
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

    private static async Task Worker(List<HttpClient> clients, Func<HttpClient, Task<bool>> send, TimeSpan duration, int connections)
    {
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, connections).Select(async i =>
        {
            while (clock.Elapsed < duration)
                await send(clients[i % clients.Count]);
        }));
    }

    private static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
}

public sealed record LoadResult(string Name, int Connections, double RequestsPerSecond, double P50Ms, double P99Ms, int Errors, int Requests);
