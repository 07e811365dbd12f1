using SupportBot.Slack.Events;
using SupportBot.Storage;

namespace SupportBot.Postgres;

/// <summary>Events API callbacks under their <c>event_id</c>: a retry arriving at another replica finds it.</summary>
public sealed class PgEventRows(PgSession s) : IEventRows
{
    public StoredEvent? Find(string eventId) => s.Doc<StoredEvent>($"select doc from events where event_id = @id{s.ForUpdate}", ("id", eventId));

    public void Add(StoredEvent stored)
    {
        stored.Sequence = s.Scalar<long>("select nextval('events_sequence_seq')");
        s.Execute("""
            insert into events (event_id, sequence, received_at, processed_at, doc) values (@id, @sequence, @received, @processed, @doc)
            on conflict (event_id) do update set sequence = excluded.sequence, received_at = excluded.received_at,
                processed_at = excluded.processed_at, doc = excluded.doc
            """, Columns(stored));
    }

    public void Update(StoredEvent stored) => s.Execute(
        "update events set received_at = @received, processed_at = @processed, claimed_until = @claimed, doc = @doc where event_id = @id",
        Columns(stored));

    private static (string, object?)[] Columns(StoredEvent e) =>
        [("id", e.EventId), ("sequence", e.Sequence), ("received", e.ReceivedAt), ("processed", e.ProcessedAt), ("claimed", e.ClaimedUntil),
            ("doc", new Jsonb(PgJson.Write(e)))];

    public List<StoredEvent> Claim(string owner, DateTime now, DateTime until, int limit)
    {
        var claimed = s.Docs<StoredEvent>("""
            update events e set claimed_by = @owner, claimed_until = @until from (
                select event_id from events where processed_at is null and (claimed_until is null or claimed_until < @now)
                order by sequence limit @limit for update skip locked) next
            where e.event_id = next.event_id returning e.doc
            """, ("owner", owner), ("now", now), ("until", until), ("limit", limit));
        foreach (var stored in claimed)
            stored.ClaimedUntil = until;
        return claimed.OrderBy(e => e.Sequence).ToList();
    }

    public List<StoredEvent> Unprocessed(int limit) =>
        s.Docs<StoredEvent>("select doc from events where processed_at is null order by sequence limit @limit", ("limit", limit));

    public int PruneProcessed(DateTime before) =>
        s.Execute("delete from events where processed_at is not null and received_at < @before", ("before", before));
}
