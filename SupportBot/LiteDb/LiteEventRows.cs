using LiteDB;
using SupportBot.Slack.Events;
using SupportBot.Storage;

namespace SupportBot.LiteDb;

public sealed class LiteEventRows(LiteDatabase db) : IEventRows
{
    public const string Collection = "events";

    private ILiteCollection<StoredEvent> Events => db.GetCollection<StoredEvent>(Collection);

    public StoredEvent? Find(string eventId) => Events.ById(eventId);

    public void Add(StoredEvent stored)
    {
        // inside the gate's lock, so the last sequence cannot change under us
        stored.Sequence = (Events.Query().OrderByDescending(e => e.Sequence).Limit(1).FirstOrDefault()?.Sequence ?? 0) + 1;
        Events.Upsert(stored);
    }

    public void Update(StoredEvent stored) => Events.Update(stored);

    public List<StoredEvent> Unprocessed(int limit) =>
        Events.Query().Where(e => e.ProcessedAt == null).OrderBy(e => e.Sequence).Limit(limit).ToList();

    /// <summary>
    /// The same rules as on PostgreSQL, on the app's clock (<paramref name="now"/>); one process handles every event,
    /// so only the contract tests call it.
    /// </summary>
    public List<StoredEvent> Claim(string owner, DateTime now, TimeSpan claimFor, int limit)
    {
        var until = now + claimFor;
        var claimed = Events.Query().Where(e => e.ProcessedAt == null).OrderBy(e => e.Sequence).ToEnumerable()
            .Where(e => e.ClaimedUntil is null || e.ClaimedUntil < now).Take(limit).ToList();
        foreach (var stored in claimed)
        {
            stored.ClaimedUntil = until;
            Events.Update(stored);
        }
        return claimed;
    }

    public int PruneProcessed(DateTime before) => Events.DeleteMany(e => e.ProcessedAt != null && e.ReceivedAt < before);

    public static void EnsureIndexes(LiteDatabase db)
    {
        StoreMapping.Prepare<StoredEvent>(db);
        var events = db.GetCollection<StoredEvent>(Collection);
        events.EnsureIndex(e => e.ProcessedAt);
        events.EnsureIndex(e => e.Sequence);
    }
}
