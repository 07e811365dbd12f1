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

    /// <summary>Claims run out by the database's clock, the one every replica reads, not by the caller's.</summary>
    public List<StoredEvent> Claim(string owner, DateTime now, TimeSpan claimFor, int limit) => s.Rows("""
            update events e set claimed_by = @owner, claimed_until = clock_timestamp() + @for from (
                select event_id from events where processed_at is null and (claimed_until is null or claimed_until < clock_timestamp())
                order by sequence limit @limit for update skip locked) next
            where e.event_id = next.event_id returning e.doc, e.claimed_until
            """, r => Claimed(PgJson.Read<StoredEvent>(r.GetString(0)), r.GetFieldValue<DateTime>(1)),
            ("owner", owner), ("for", claimFor), ("limit", limit))
        .OrderBy(e => e.Sequence).ToList();

    private static StoredEvent Claimed(StoredEvent stored, DateTime until)
    {
        stored.ClaimedUntil = until;
        return stored;
    }

    public List<StoredEvent> Unprocessed(int limit) =>
        s.Docs<StoredEvent>("select doc from events where processed_at is null order by sequence limit @limit", ("limit", limit));

    public int PruneProcessed(DateTime before) =>
        s.Execute("delete from events where processed_at is not null and received_at < @before", ("before", before));
}
