using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using SupportBot.Storage;

namespace SupportBot.Outbox;

/// <summary>
/// Delivers the outbox: each lane (a channel, a mail conversation, a GitHub issue) in order, lanes independently of
/// each other: a lane whose call hangs, is slow or is rate-limited holds only itself, while the worker keeps starting
/// the others as their messages come due (up to <see cref="OutboxOptions.Concurrency"/> at once). Slack being slow,
/// rate-limited (429 + Retry-After) or down only delays messages; they stay committed until Slack accepts them. With
/// replicas sharing the store, each lane is delivered by the one replica holding its lease
/// (<see cref="IOutboxRows.ClaimLanes"/>), so order and pacing hold across replicas too.
/// </summary>
public sealed class OutboxWorker(OutboxStore store, OutboxAttempt attempt, OutboxSignal signal, OutboxPacing pacing,
    IStoreGate gate, ReplicaIdentity replica, TimeProvider time, IOptions<OutboxOptions> options, ILogger<OutboxWorker> logger)
    : BackgroundService
{
    private static readonly TimeSpan IdleWait = TimeSpan.FromSeconds(30);
    private const int ReadBatch = 1000;

    /// <summary>
    /// Beside other replicas, how many of each lane's messages a round reads: the head is all a round starts from, and
    /// a lane that delivers these wakes the next round as it finishes. Every commit wakes a round, and reading whole
    /// backlogs then cost more than the submissions: at 64 connections ~735 documents a round, 54,000 in 8 s.
    /// </summary>
    private const int LaneReadBatch = 32;

    /// <summary>
    /// Undelivered messages by lane and id, read from the store once each while a backlog lasts (ids grow in commit order,
    /// since every write holds the store's lock), so a backlog is not re-read on every round, which would hold that
    /// lock against requests. Once it is empty the next round reads from the start, so delivery never depends on
    /// ids growing across restarts. Touched by the round only; lanes hand their results back through <see cref="_done"/>.
    /// </summary>
    private readonly PendingLanes _pending = new();
    private readonly ConcurrentDictionary<string, Task> _delivering = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<OutboxMessage> _done = new();
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
                await signal.WaitAsync(wait, time, stoppingToken); // a commit, or a lane finishing, wakes it
        }
        await Task.WhenAll(_delivering.Values).ContinueWith(_ => { }, TaskScheduler.Default);
    }

    /// <summary>
    /// Starts delivering every lane whose next message is due and that is not being delivered already; returns how
    /// long to sleep before the next round (a lane that finishes wakes the worker sooner).
    /// </summary>
    public async Task<TimeSpan> RunOnceAsync(CancellationToken cancellationToken)
    {
        await _round.WaitAsync(cancellationToken);
        try
        {
            return Round(cancellationToken);
        }
        finally
        {
            _round.Release();
        }
    }

    private TimeSpan Round(CancellationToken cancellationToken)
    {
        pacing.ForgetQuietLanes();
        // lanes still delivering are left alone this round, and only those: taken before the results are collected,
        // since a lane that finishes after this has its last results collected by the round its finish wakes, and
        // until then its delivered messages still look pending here
        var busy = _delivering.Keys.ToHashSet(StringComparer.Ordinal);
        while (_done.TryDequeue(out var delivered))
            _pending.Remove(delivered);
        var claimedAt = time.GetUtcNow().UtcDateTime;
        var (holds, fresh) = gate.Shared ? ReadOwnLanes(claimedAt) : new OwnLanes([], ReadNew());
        // beside other replicas the lanes are ours until the lease runs out: stop with a third of it left, so a slow
        // backlog is never still being sent when another replica takes the lane over (the next round renews it). A
        // duration on this replica's clock since the claim, never compared with another machine's clock; the fence
        // checks the same third by the database's clock before each call
        var letGoAt = gate.Shared ? claimedAt + options.Value.LaneLease * 2 / 3 : DateTime.MaxValue;
        var fences = holds.ToDictionary(h => h.Lane, h => new LaneFence(replica.Id, h, FenceMargin), StringComparer.Ordinal);
        foreach (var message in fresh)
            _pending.Add(message);
        var now = time.GetUtcNow().UtcDateTime;
        var next = DateTime.MaxValue;
        foreach (var lane in _pending.Lanes())
        {
            var head = lane.First();
            if (busy.Contains(head.Lane))
                continue;
            if (attempt.DueAt(head) is var due && due > now)
            {
                next = due < next ? due : next;
                continue;
            }
            if (busy.Count >= options.Value.Concurrency)
                break; // a lane that finishes wakes the next round
            var messages = lane.ToList(); // the round may change the live view while the lane is delivered
            busy.Add(head.Lane);
            // registered before it starts: a lane finishing at once removes its own entry, never before it exists
            var fence = fences.GetValueOrDefault(head.Lane);
            var delivery = new Task<Task>(() => DeliverLaneAsync(messages, fence, letGoAt, cancellationToken));
            _delivering[head.Lane] = delivery.Unwrap();
            delivery.Start(TaskScheduler.Default);
        }
        if (fresh.Count == ReadBatch)
            return TimeSpan.Zero;
        return next == DateTime.MaxValue ? Idle : Min(next - now, Idle) is var wait && wait > TimeSpan.Zero ? wait : TimeSpan.FromMilliseconds(50);
    }

    /// <summary>One lane, oldest first, until a message has to wait: nothing overtakes it, so the lane keeps its order.</summary>
    private async Task DeliverLaneAsync(List<OutboxMessage> messages, LaneFence? fence, DateTime letGoAt, CancellationToken cancellationToken)
    {
        try
        {
            foreach (var message in messages)
            {
                if (time.GetUtcNow().UtcDateTime >= letGoAt || !await attempt.TryAsync(message, fence, cancellationToken))
                    break;
                _done.Enqueue(message);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // stopping: what was not delivered stays committed for the next start
        }
        catch (OutboxLaneLostException)
        {
            // paused past the lease, or taken over: the lane's new holder delivers the rest
            logger.LogInformation("Outbox lane {Lane} changed hands while this replica delivered it; stopped before posting", messages[0].Lane);
        }
        catch (Exception e)
        {
            logger.LogError(e, "Delivering lane {Lane} failed; trying again on the next round", messages[0].Lane);
        }
        finally
        {
            _delivering.TryRemove(messages[0].Lane, out _);
            signal.Notify();
        }
    }

    /// <summary>Alone on the store: what was committed since the last read (ids grow in commit order under the store's lock).</summary>
    private List<OutboxMessage> ReadNew()
    {
        // with nothing in hand, read from the start: a message is found whatever its id, and an empty backlog is cheap
        var fresh = signal.TakeRescan() | _pending.IsEmpty ? store.Pending(ReadBatch) : store.PendingAfter(_lastSeen, ReadBatch);
        if (fresh.Count > 0)
            _lastSeen = Math.Max(_lastSeen, fresh[^1].Id);
        return fresh;
    }

    /// <summary>
    /// Beside other replicas: renew and take lanes, then read their messages again from the store, since a message
    /// with a lower id may commit after one with a higher id, and a lane taken over carries its owner's backlog.
    /// </summary>
    private OwnLanes ReadOwnLanes(DateTime now)
    {
        _pending.Clear();
        return store.PendingInOwnLanes(replica.Id, now, options.Value.LaneLease, ReadBatch, LaneReadBatch);
    }

    /// <summary>
    /// The lease a call must still have left when it goes out: a third, what the worker keeps in hand (it renews every
    /// third at most, so a live replica always has more); a call that started inside the lease is over before another
    /// replica may take the lane, unless this one stops between the check and the call, which no check can rule out.
    /// </summary>
    private TimeSpan FenceMargin => options.Value.LaneLease / 3;

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
            store.ReleaseLanes(replica.Id, time.GetUtcNow().UtcDateTime, options.Value.PerChannelInterval);
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "Letting go of the outbox lanes failed; other replicas take them when their leases run out");
        }
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

    public override void Dispose()
    {
        _round.Dispose();
        base.Dispose();
    }
}
