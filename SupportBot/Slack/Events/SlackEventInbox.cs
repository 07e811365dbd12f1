using LiteDB;
using SupportBot.Storage;

namespace SupportBot.Slack.Events;

/// <summary>
/// Events are committed here before Slack gets its 200, then handled by <see cref="SlackEventProcessor"/>.
/// Processed ids are kept (and pruned after a week) so retries hours later, or after a restart, do nothing.
/// </summary>
public sealed class SlackEventInbox(StoreGate gate, TimeProvider time) : IDisposable
{
    public const string Collection = "events";
    public static readonly TimeSpan KeepFor = TimeSpan.FromDays(7);
    private readonly SemaphoreSlim _signal = new(0, int.MaxValue);

    private static ILiteCollection<StoredEvent> Events(LiteDatabase db) => db.GetCollection<StoredEvent>(Collection);

    /// <summary>False when the event was seen before (a retry).</summary>
    public bool Accept(string eventId, string type, string json)
    {
        var added = gate.Write(db =>
        {
            var events = Events(db);
            if (events.FindById(eventId) is not null)
                return false;
            // inside the gate's lock, so the last sequence cannot change under us
            var last = events.Query().OrderByDescending(e => e.Sequence).Limit(1).FirstOrDefault()?.Sequence ?? 0;
            events.Insert(new StoredEvent
            {
                EventId = eventId, Sequence = last + 1, Type = type, Json = json, ReceivedAt = time.GetUtcNow().UtcDateTime,
            });
            return true;
        });
        if (added)
            _signal.Release();
        return added;
    }

    /// <summary>A dead letter back in line (from the command line, with the bot stopped): handled again on the next start.</summary>
    public static void Requeue(LiteDatabase db, string eventId, string type, string json, DateTime now)
    {
        var events = Events(db);
        var last = events.Query().OrderByDescending(e => e.Sequence).Limit(1).FirstOrDefault()?.Sequence ?? 0;
        events.Upsert(new StoredEvent { EventId = eventId, Sequence = last + 1, Type = type, Json = json, ReceivedAt = now });
    }

    public List<StoredEvent> Unprocessed(int limit) =>
        gate.Read(db => Events(db).Query().Where(e => e.ProcessedAt == null)
            .OrderBy(e => e.Sequence).Limit(limit).ToList());

    public void MarkProcessed(StoredEvent stored)
    {
        stored.ProcessedAt = time.GetUtcNow().UtcDateTime;
        gate.Write(db => Events(db).Update(stored));
    }

    public void MarkAttempt(StoredEvent stored)
    {
        stored.Attempts++;
        gate.Write(db => Events(db).Update(stored));
    }

    public int Prune()
    {
        var before = time.GetUtcNow().UtcDateTime - KeepFor;
        return gate.Write(db => Events(db).DeleteMany(e => e.ProcessedAt != null && e.ReceivedAt < before));
    }

    public void Dispose() => _signal.Dispose();

    public Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _signal.WaitAsync(timeout, cancellationToken);

    public static void EnsureIndexes(LiteDatabase db)
    {
        StoreMapping.Prepare<StoredEvent>(db);
        Events(db).EnsureIndex(e => e.ProcessedAt);
        Events(db).EnsureIndex(e => e.Sequence);
    }
}
