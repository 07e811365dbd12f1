using SupportBot.Storage;

namespace SupportBot.Outbox;

/// <summary>The queued messages. Enqueue inside an <see cref="IStoreGate"/> write, so it commits with its cause.</summary>
public sealed class OutboxStore(IStoreGate gate)
{
    public static void Enqueue(IStoreSession session, OutboxMessage message, DateTime now)
    {
        Stamp(message, now);
        session.Outbox.Insert(message);
    }

    /// <summary><see cref="Enqueue"/> for many messages, queued in list order in one statement where the store has them.</summary>
    public static void EnqueueMany(IStoreSession session, IReadOnlyList<OutboxMessage> messages, DateTime now)
    {
        foreach (var message in messages)
            Stamp(message, now);
        session.Outbox.InsertMany(messages);
    }

    private static void Stamp(OutboxMessage message, DateTime now)
    {
        message.CreatedAt = now;
        if (message.NextAttemptAt == default)
            message.NextAttemptAt = now;
    }

    /// <summary>Undelivered messages queued after <paramref name="afterId"/>, oldest first: what the worker has not seen yet.</summary>
    public List<OutboxMessage> PendingAfter(long afterId, int limit) => gate.Read(s => s.Outbox.PendingAfter(afterId, limit));

    /// <summary>Undelivered messages, oldest first.</summary>
    public List<OutboxMessage> Pending(int limit) => PendingAfter(0, limit);

    /// <summary>
    /// With replicas sharing the store: renews and takes lanes for <paramref name="owner"/> (leases by the store's
    /// clock) and reads the oldest <paramref name="perLane"/> undelivered messages of each again, whatever their ids (a
    /// sequence's ids do not follow commit order across replicas), expiries on this replica's clock (<paramref name="now"/>).
    /// </summary>
    public OwnLanes PendingInOwnLanes(string owner, DateTime now, TimeSpan lease, int limit, int perLane) => gate.WriteApart(s =>
    {
        var holds = s.Outbox.ClaimLanes(owner, now, lease, limit);
        return new OwnLanes(holds, holds.Count == 0 ? [] : s.Outbox.PendingIn([.. holds.Select(h => h.Lane)], now, perLane));
    });

    /// <summary>Lets go of this replica's lanes as it stops, so the others take them after <paramref name="pause"/>, not the lease.</summary>
    public void ReleaseLanes(string owner, DateTime now, TimeSpan pause) => gate.WriteApart(s => s.Outbox.ReleaseLanes(owner, now, pause));

    public void Delivered(OutboxMessage message) => gate.WriteApart(s => s.Outbox.Delete(message.Id));

    /// <summary>Retires a delivered message and, in the same commit, does what its delivery owes (<see cref="IOutboxChannel.Sent"/>).</summary>
    public void Delivered(OutboxMessage message, Action<IStoreSession> then) => gate.WriteApart(s =>
    {
        s.Outbox.Delete(message.Id);
        then(s);
    });

    public void Update(OutboxMessage message) => gate.WriteApart(s => s.Outbox.Update(message));

    /// <summary>
    /// Right before a call goes out: checks the lane's <paramref name="fence"/> (none alone on the store) and, when
    /// <paramref name="mark"/>, commits that the message is being handed over, in one transaction, so a crash after
    /// it leaves the mark and a replica that lost the lane marks nothing. Throws <see cref="OutboxLaneLostException"/>
    /// when the lane is no longer this replica's: the caller must not make the call.
    /// </summary>
    public void Sending(OutboxMessage message, LaneFence? fence, bool mark, DateTime now)
    {
        if (fence is null && !mark)
            return;
        var held = gate.WriteApart(s =>
        {
            if (fence is not null && !s.Outbox.Holds(fence.Owner, fence.Hold, now, fence.Margin))
                return false; // returned, not thrown: a throw would roll back the whole group commit
            if (mark)
            {
                message.SendingSince ??= now;
                s.Outbox.Update(message);
            }
            return true;
        });
        if (!held)
            throw new OutboxLaneLostException(message.Lane);
    }

    public int CountPending() => gate.Read(s => s.Outbox.CountPending());

    public List<OutboxMessage> FailedMessages() => gate.Read(s => s.Outbox.SetAside());

    /// <summary>Pending and set-aside counts, unless the store stays busy for <paramref name="wait"/> (/health must not hang).</summary>
    public (int Pending, int SetAside)? TryCount(TimeSpan wait) =>
        gate.TryRead(s => (s.Outbox.CountPending(), s.Outbox.CountSetAside()), wait, out var counts) ? counts : null;

    /// <summary>
    /// <see cref="TryCount"/> and, when any are set aside, when the oldest of them was (read from the set-aside
    /// messages only, which their own index keeps apart from the queue).
    /// </summary>
    public (int Pending, int SetAside, DateTime? OldestSetAside)? TryTally(TimeSpan wait) =>
        gate.TryRead(s =>
        {
            var setAside = s.Outbox.CountSetAside();
            DateTime? oldest = setAside == 0 ? null : s.Outbox.SetAside().Min(m => m.SetAsideAt ?? m.CreatedAt);
            return (s.Outbox.CountPending(), setAside, oldest);
        }, wait, out var tally) ? tally : null;

    /// <summary>Set-aside messages (one, or all when <paramref name="id"/> is null) back in line with fresh attempts.</summary>
    public static int Retry(IStoreSession session, long? id, DateTime now) => Retry(session, m => id is null || m.Id == id, now);

    /// <summary>The set-aside messages <paramref name="which"/> picks, back in line with fresh attempts.</summary>
    public static int Retry(IStoreSession session, Func<OutboxMessage, bool> which, DateTime now)
    {
        var retried = 0;
        foreach (var message in session.Outbox.SetAside().Where(which))
        {
            message.Failed = false;
            message.Attempts = 0;
            message.NextAttemptAt = now;
            message.ExpiresAt = null;
            message.Cause = null;
            message.SetAsideAt = null;
            session.Outbox.Update(message);
            retried++;
        }
        return retried;
    }

    /// <summary>
    /// Sets the message aside and queues the team's notice in one commit (a crash between them would leave a message
    /// nobody hears of).
    /// </summary>
    public void SetAside(OutboxMessage message, string? cause, string error, string reason, IUndeliveredNotices notices, DateTime now) =>
        gate.Write(s =>
        {
            message.Failed = true;
            message.Cause = cause;
            message.LastError = error;
            message.SetAsideAt = now;
            message.SendingSince = null;
            s.Outbox.Update(message);
            if (message.Purpose != OutboxPurposes.Notice)
                notices.Queue(s, message, reason, now);
        });


    public int CountFailed() => gate.Read(s => s.Outbox.CountSetAside());
}
