using LiteDB;
using SupportBot.Storage;

namespace SupportBot.Outbox;

/// <summary>The <c>outbox</c> collection. Enqueue inside a <see cref="Storage.StoreGate"/> write, so it commits with its cause.</summary>
public sealed class OutboxStore(StoreGate gate)
{
    public const string Collection = "outbox";

    /// <summary>Maps <see cref="OutboxMessage"/> when the database opens: the worker and requests first use it at the same time.</summary>
    public static void Prepare(LiteDatabase db) => Storage.StoreMapping.Prepare<OutboxMessage>(db);

    public static void Enqueue(LiteDatabase db, OutboxMessage message, DateTime now)
    {
        message.Id = NextId(db);
        message.CreatedAt = now;
        if (message.NextAttemptAt == default)
            message.NextAttemptAt = now;
        Messages(db).Insert(message);
    }

    /// <summary>
    /// The next id from a stored sequence, so ids never repeat: LiteDB's own auto-id restarts from the highest id
    /// left in the collection, which is 1 again once the outbox has drained, and a worker or a Slack message tagged
    /// with an earlier id would take a new message for an old one. Runs inside the enqueueing write, under the
    /// store's lock, so ids also grow in commit order.
    /// </summary>
    private static long NextId(LiteDatabase db) => StoreSequence.Next(db, Collection, () => HighestId(db));

    // a store from before the sequence existed continues after its highest queued id
    private static long HighestId(LiteDatabase db) =>
        Messages(db).Query().OrderByDescending(m => m.Id).Select(m => m.Id).Limit(1).ToList() is [var id] ? id : 0L;

    /// <summary>Undelivered messages queued after <paramref name="afterId"/>, oldest first: what the worker has not seen yet.</summary>
    public List<OutboxMessage> PendingAfter(long afterId, int limit) =>
        gate.Read(db => Messages(db).Query().Where(m => m.Id > afterId && !m.Failed).OrderBy(m => m.Id).Limit(limit).ToList());

    /// <summary>Undelivered messages, oldest first.</summary>
    public List<OutboxMessage> Pending(int limit) =>
        gate.Read(db => Messages(db).Query().Where(m => !m.Failed).OrderBy(m => m.Id).Limit(limit).ToList());

    public void Delivered(OutboxMessage message) => gate.Write(db => Messages(db).Delete(message.Id));

    /// <summary>Removes a delivered message inside a caller's transaction.</summary>
    public static void Remove(LiteDatabase db, long id) => Messages(db).Delete(id);

    public void Update(OutboxMessage message) => gate.Write(db => Messages(db).Update(message));

    /// <summary>Commits that the message is being handed to Slack, before the call: a crash after it leaves the mark.</summary>
    public void MarkSending(OutboxMessage message, DateTime now)
    {
        message.SendingSince ??= now;
        Update(message);
    }

    public int CountPending() => gate.Read(db => Messages(db).Count(m => !m.Failed));

    public List<OutboxMessage> FailedMessages() => gate.Read(SetAside);

    /// <summary>Pending and set-aside counts, unless the store stays busy for <paramref name="wait"/> (/health must not hang).</summary>
    public (int Pending, int SetAside)? TryCount(TimeSpan wait) =>
        gate.TryRead(db => (Messages(db).Count(m => !m.Failed), Messages(db).Count(m => m.Failed)), wait, out var counts) ? counts : null;

    public static List<OutboxMessage> SetAside(LiteDatabase db) => Messages(db).Find(m => m.Failed).OrderBy(m => m.Id).ToList();

    public static int CountPending(LiteDatabase db) => Messages(db).Count(m => !m.Failed);

    /// <summary>Set-aside messages (one, or all when <paramref name="id"/> is null) back in line with fresh attempts.</summary>
    public static int Retry(LiteDatabase db, long? id, DateTime now)
    {
        var retried = 0;
        foreach (var message in SetAside(db).Where(m => id is null || m.Id == id))
        {
            message.Failed = false;
            message.Attempts = 0;
            message.NextAttemptAt = now;
            message.ExpiresAt = null;
            Messages(db).Update(message);
            retried++;
        }
        return retried;
    }

    public int CountFailed() => gate.Read(db => Messages(db).Count(m => m.Failed));

    private static ILiteCollection<OutboxMessage> Messages(LiteDatabase db) => db.GetCollection<OutboxMessage>(Collection);
}
