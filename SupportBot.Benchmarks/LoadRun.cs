using System.Diagnostics;

namespace SupportBot.Benchmarks;

/// <summary>
/// Closed-loop load: <c>connections</c> workers each send one request at a time for a fixed duration. Given several
/// servers (replicas), the workers are dealt out among them in turn, as a load balancer spreads connections.
/// </summary>
public static class LoadRun
{
    /// <summary>
    /// Load sent before measuring, from <c>--warmup SECONDS</c> (default 5). Tiered JIT is still recompiling the hot
    /// paths for seconds after a server starts: with 1 s, the JIT thread took up to half a core of the measured run,
    /// which a bot that has been up for a while does not pay.
    /// </summary>
    public static TimeSpan WarmUp { get; set; } = TimeSpan.FromSeconds(5);

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
        await Worker(clients, send, WarmUp, connections);
        var latencies = new List<double>[connections];
        var errors = 0;
        var process = Process.GetCurrentProcess();
        var (cpu, allocated) = (process.TotalProcessorTime, GC.GetTotalAllocatedBytes());
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
        process.Refresh();
        var all = latencies.SelectMany(l => l).Order().ToArray();
        // per request, this whole process: steadier than req/s on a busy machine, since other processes' load
        // slows a run down but adds no CPU time or allocations to it
        var cpuMs = (process.TotalProcessorTime - cpu).TotalMilliseconds / Math.Max(1, all.Length);
        var allocKb = (GC.GetTotalAllocatedBytes() - allocated) / 1024.0 / Math.Max(1, all.Length);
        return new LoadResult(name, connections, all.Length / elapsed.TotalSeconds, Percentile(all, 0.50), Percentile(all, 0.99), errors, all.Length,
            cpuMs, allocKb);
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

/// <param name="CpuMsPerRequest">This process's CPU time per request (its server, when in-process, and its client).</param>
/// <param name="AllocatedKbPerRequest">Managed memory this process allocated per request, likewise.</param>
public sealed record LoadResult(string Name, int Connections, double RequestsPerSecond, double P50Ms, double P99Ms, int Errors, int Requests,
    double CpuMsPerRequest, double AllocatedKbPerRequest);
