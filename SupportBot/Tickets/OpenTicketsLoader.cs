using System.Diagnostics;
using SupportBot.Health;
using SupportBot.Storage;

namespace SupportBot.Tickets;

/// <summary>
/// Loads <see cref="OpenTickets"/> once the host answers, a chunk per turn of the store's lock: read whole before the
/// host started, they kept Slack and <c>/health/ready</c> waiting 22 s at 1,000,000 tickets (170,000 open). A request
/// that needs them sooner waits for this one load (a slash command is answered "still loading" first, see
/// <see cref="IStartupLoad"/>): one reader, where a read of its own per waiting request piled up past Slack's 3 s.
/// A shared store needs no copy (each request reads the open tickets), so nothing loads there.
/// </summary>
public sealed class OpenTicketsLoader(IStoreGate gate, OpenTickets open, OpenTicketsLoading loading,
    IHostApplicationLifetime lifetime, ILogger<OpenTicketsLoader> logger) : BackgroundService, IStartupLoad
{
    private readonly Lock _sync = new();
    private Task? _load;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (gate.Shared)
            return;
        try
        {
            await lifetime.WhenStartedAsync(stoppingToken); // the host answers first
            await Start();
        }
        catch (Exception) when (stoppingToken.IsCancellationRequested || lifetime.ApplicationStopping.IsCancellationRequested)
        {
            // stopping: the store may be closed under the load
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "Loading the open tickets after start failed; the next request that needs them loads them again");
        }
    }

    /// <summary>
    /// Whether the open tickets are loaded within the longest wait (false too when the load failed, and at once inside
    /// a read or write that holds the store: the load needs turns of it).
    /// </summary>
    public bool WaitLoaded() => !gate.HoldsStore && WaitLoaded(loading.LongestWait);

    /// <summary>Whether the open tickets are loaded within <paramref name="wait"/> (false too when the load failed).</summary>
    public bool WaitLoaded(TimeSpan wait)
    {
        if (gate.Shared || open.IsLoaded)
            return true;
        try
        {
            return Start().Wait(wait);
        }
        catch (AggregateException)
        {
            return false; // logged by the load; the next request starts it again
        }
    }

    public string Progress => $"the open tickets ({open.ReadSoFar:N0} read so far)";

    /// <summary>
    /// Completes once the open tickets are loaded (at once on a shared store), or the load failed: for a background
    /// reader of the whole store that should let the queue Slack shows load first, since they take turns on its lock.
    /// </summary>
    public async Task WhenLoadedAsync(CancellationToken cancellationToken)
    {
        if (gate.Shared)
            return;
        try
        {
            await Start().WaitAsync(cancellationToken);
        }
        catch (Exception) when (!cancellationToken.IsCancellationRequested)
        {
            // logged by whoever started it; the waiting reader goes on
        }
    }

    /// <summary>The load under way, or a new one when none is (a failed one is tried again).</summary>
    private Task Start()
    {
        lock (_sync)
        {
            if (_load is null || _load.IsFaulted || _load.IsCanceled)
                _load = Task.Run(() => LoadAsync(lifetime.ApplicationStopping));
            return _load;
        }
    }

    private async Task LoadAsync(CancellationToken stopping)
    {
        if (!open.BeginLoad())
            return;
        var took = Stopwatch.StartNew();
        foreach (var chunk in OpenTickets.ReadInChunks(gate, loading.ChunkSize))
        {
            open.AddRead(chunk);
            await loading.BetweenChunksAsync(stopping);
            stopping.ThrowIfCancellationRequested();
        }
        open.EndLoad();
        logger.LogInformation("Loaded {Count} open tickets in {Elapsed} ms", open.ReadSoFar, took.ElapsedMilliseconds);
    }
}
