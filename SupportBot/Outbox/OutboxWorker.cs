using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using SupportBot.Slack.Api;
using SupportBot.Storage;

namespace SupportBot.Outbox;

/// <summary>
/// Delivers the outbox: each channel's messages in order, channels in parallel, back-to-back posts to one channel
/// spaced by <see cref="OutboxOptions.PerChannelInterval"/>. Slack being slow, rate-limited (429 + Retry-After) or
/// down only delays messages; they stay committed until Slack accepts them. With replicas sharing the store, each
/// lane is delivered by the one replica holding its lease (<see cref="IOutboxRows.ClaimLanes"/>), so order and
/// pacing hold across replicas too.
/// </summary>
public sealed class OutboxWorker(OutboxStore store, OutboxDelivery delivery, OutboxSignal signal, OutboxPacing pacing,
    IStoreGate gate, ReplicaIdentity replica, IUndeliveredNotices notices, TimeProvider time, IOptions<OutboxOptions> options, ILogger<OutboxWorker> logger)
    : BackgroundService
{
    private static readonly TimeSpan IdleWait = TimeSpan.FromSeconds(30);
    private const int ReadBatch = 1000;

    /// <summary>
    /// Undelivered messages by lane and id, read from the store once each while a backlog lasts (ids grow in commit order,
    /// since every write holds the store's lock), so a backlog is not re-read on every round, which would hold that
    /// lock against requests. Once it is empty the next round reads from the start, so delivery never depends on
    /// ids growing across restarts.
    /// </summary>
    private readonly PendingLanes _pending = new();
    private readonly SemaphoreSlim _round = new(1, 1);
    private long _lastSeen;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            TimeSpan wait;
            try
            {
                wait = await RunOnceAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Outbox round failed; trying again shortly");
                wait = TimeSpan.FromSeconds(1);
            }
            if (wait > TimeSpan.Zero)
                await signal.WaitAsync(wait, time, stoppingToken);
        }
    }

    /// <summary>One round over every lane; returns how long to sleep before the next one.</summary>
    public async Task<TimeSpan> RunOnceAsync(CancellationToken cancellationToken)
    {
        await _round.WaitAsync(cancellationToken);
        try
        {
            return await RoundAsync(cancellationToken);
        }
        finally
        {
            _round.Release();
        }
    }

    private async Task<TimeSpan> RoundAsync(CancellationToken cancellationToken)
    {
        pacing.ForgetQuietLanes();
        var claimedAt = time.GetUtcNow().UtcDateTime;
        var fresh = gate.Shared ? ReadOwnLanes(claimedAt) : ReadNew();
        // beside other replicas the lanes are ours until the lease runs out: stop with a third of it left, so a slow
        // backlog is never still being sent when another replica takes the lane over (the next round renews it)
        var letGoAt = gate.Shared ? claimedAt + options.Value.LaneLease * 2 / 3 : DateTime.MaxValue;
        foreach (var message in fresh)
            _pending.Add(message);
        var lanes = _pending.Lanes();
        if (lanes.Count == 0)
            return Idle;
        var done = new ConcurrentBag<OutboxMessage>();
        await Parallel.ForEachAsync(lanes,
            new ParallelOptions { MaxDegreeOfParallelism = options.Value.Concurrency, CancellationToken = cancellationToken },
            async (lane, ct) =>
            {
                foreach (var message in lane)
                {
                    if (time.GetUtcNow().UtcDateTime >= letGoAt || !await TryDeliverAsync(message, ct))
                        break; // keep the lane's order: nothing overtakes a message that is waiting
                    done.Add(message);
                }
            });
        foreach (var message in done)
            _pending.Remove(message);
        if (!done.IsEmpty || fresh.Count == ReadBatch)
            return TimeSpan.Zero;
        var now = time.GetUtcNow().UtcDateTime;
        var next = lanes.Select(l => pacing.DueAt(l.First())).Min();
        return next <= now ? TimeSpan.FromMilliseconds(50) : Min(next - now, Idle);
    }

    /// <summary>Alone on the store: what was committed since the last read (ids grow in commit order under the store's lock).</summary>
    private List<OutboxMessage> ReadNew()
    {
        // with nothing in hand, read from the start: a message is found whatever its id, and an empty backlog is cheap
        var fresh = _pending.IsEmpty ? store.Pending(ReadBatch) : store.PendingAfter(_lastSeen, ReadBatch);
        if (fresh.Count > 0)
            _lastSeen = fresh[^1].Id;
        return fresh;
    }

    /// <summary>
    /// Beside other replicas: renew and take lanes, then read their messages again from the store, since a message
    /// with a lower id may commit after one with a higher id, and a lane taken over carries its owner's backlog.
    /// </summary>
    private List<OutboxMessage> ReadOwnLanes(DateTime now)
    {
        _pending.Clear();
        return store.PendingInOwnLanes(replica.Id, now, options.Value.LaneLease, ReadBatch);
    }

    /// <summary>The longest sleep between rounds; beside other replicas short enough to renew the lanes' leases in time.</summary>
    private TimeSpan Idle => gate.Shared ? Min(IdleWait, options.Value.LaneLease / 3) : IdleWait;

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        if (!gate.Shared)
            return;
        try
        {
            // the last post's spacing still applies to whoever takes the lane next
            store.ReleaseLanes(replica.Id, time.GetUtcNow().UtcDateTime + options.Value.PerChannelInterval);
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "Letting go of the outbox lanes failed; other replicas take them when their leases run out");
        }
    }

    private async Task<bool> TryDeliverAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        if (message.ExpiresAt < now)
        {
            logger.LogWarning("Dropped an expired {Call} (outbox #{Id})", Describe(message), message.Id);
            store.Delivered(message);
            return true;
        }
        if (pacing.DueAt(message) > now)
            return false;
        try
        {
            pacing.Called(message.Lane, await delivery.DeliverAsync(message, cancellationToken));
            return true;
        }
        catch (SlackApiException e) when (e.Transient)
        {
            // the underlying cause (connection refused, timeout) is what an operator can act on
            return Retry(message, e.InnerException is { } cause ? $"{e.Error} ({cause.Message})" : e.Error, e.RetryAfter);
        }
        catch (SlackApiException e)
        {
            var channel = ChannelOf(message);
            SetAside(message, OutboxCauses.Of(e, channel), e.Error, OutboxCauses.Explain(e.Error, channel));
            return true; // a refused message must not block its channel forever
        }
        catch (OutboxChannelException e) when (e.Permanent)
        {
            SetAside(message, e.Cause, e.Error, e.Reason);
            return true;
        }
        catch (OutboxChannelException e)
        {
            return Retry(message, e.Error, null, e.Cause, e.Reason);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "Delivering {Call} (outbox #{Id}) failed: {Error}", Describe(message), message.Id, e.Message);
            return Retry(message, e.GetType().Name, null);
        }
    }

    private void SetAside(OutboxMessage message, string? cause, string error, string reason)
    {
        store.SetAside(message, cause, error, reason, notices, time.GetUtcNow().UtcDateTime);
        logger.LogWarning("{Call} was refused for good: {Error}; outbox #{Id} set aside and the team told (cause {Cause})",
            Describe(message), error, message.Id, cause ?? "none");
    }

    /// <summary>The Slack channel a message posts to; null for response URLs, modals and other channels' methods.</summary>
    private static string? ChannelOf(OutboxMessage message) => message.Lane.Contains(':', StringComparison.Ordinal) ? null : message.Lane;

    /// <summary>Schedules the next attempt; true when there is none (given up: set aside, out of its lane's way, like a refusal).</summary>
    private bool Retry(OutboxMessage message, string error, TimeSpan? retryAfter, string? cause = null, string? reason = null)
    {
        var now = time.GetUtcNow().UtcDateTime;
        message.Attempts++;
        message.LastError = error;
        var backoff = TimeSpan.FromSeconds(Math.Pow(2, Math.Min(message.Attempts - 1, 20)));
        var wait = retryAfter ?? Min(backoff, options.Value.MaxBackoff);
        message.NextAttemptAt = now + wait;
        if (retryAfter is { } pause)
            pacing.RateLimited(message.Method, pause);
        if (message.Attempts >= options.Value.MaxAttempts)
        {
            logger.LogError("Gave up on {Call} (outbox #{Id}) after {Attempts} attempts: {Error}", Describe(message), message.Id, message.Attempts, error);
            SetAside(message, cause, error, reason ?? OutboxCauses.Explain(error, ChannelOf(message)));
            return true;
        }
        logger.LogWarning("{Call} failed: {Error}; attempt {Attempts}, next in {Wait}", Describe(message), error, message.Attempts, wait);
        store.Update(message);
        return false;
    }

    /// <summary>"chat.postMessage to C123 for ticket #12": what an operator needs to find the call.</summary>
    private static string Describe(OutboxMessage m) =>
        $"{m.Method} to {(m.Method == OutboxMessage.ResponseUrlMethod ? "a response URL" : m.Lane)}" +
        (m.TicketNumber is { } n ? $" for ticket #{n}" : "");

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

    public override void Dispose()
    {
        _round.Dispose();
        base.Dispose();
    }
}
