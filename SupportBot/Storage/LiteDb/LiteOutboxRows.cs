using LiteDB;
using SupportBot.Outbox;

namespace SupportBot.Storage.LiteDb;

public sealed class LiteOutboxRows(LiteDatabase db) : IOutboxRows
{
    public const string Collection = "outbox";

    private ILiteCollection<OutboxMessage> Messages => db.GetCollection<OutboxMessage>(Collection);

    /// <summary>
    /// Ids from a stored sequence, so they never repeat: LiteDB's own auto-id restarts from the highest id left in
    /// the collection, which is 1 again once the outbox has drained, and a worker or a Slack message tagged with an
    /// earlier id would take a new message for an old one. Runs inside the enqueueing write, under the store's lock,
    /// so ids also grow in commit order.
    /// </summary>
    public void Insert(OutboxMessage message)
    {
        message.Id = StoreSequence.Next(db, Collection, HighestId);
        Messages.Insert(message);
    }

    // a store from before the sequence existed continues after its highest queued id
    private long HighestId() =>
        Messages.Query().OrderByDescending(m => m.Id).Select(m => m.Id).Limit(1).ToList() is [var id] ? id : 0L;

    public void Update(OutboxMessage message) => Messages.Update(message);

    public void Delete(long id) => Messages.Delete(id);

    public List<OutboxMessage> PendingAfter(long afterId, int limit) =>
        Messages.Query().Where(m => m.Id > afterId && !m.Failed).OrderBy(m => m.Id).Limit(limit).ToList();

    public int CountPending() => Messages.Count(m => !m.Failed);

    public int CountSetAside() => Messages.Count(m => m.Failed);

    public List<OutboxMessage> SetAside() => Messages.Find(m => m.Failed).OrderBy(m => m.Id).ToList();

    /// <summary>Maps <see cref="OutboxMessage"/> when the database opens: the worker and requests first use it at the same time.</summary>
    public static void Prepare(LiteDatabase db) => StoreMapping.Prepare<OutboxMessage>(db);
}
