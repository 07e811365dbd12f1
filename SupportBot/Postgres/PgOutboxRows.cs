using Npgsql;
using NpgsqlTypes;
using SupportBot.Outbox;
using SupportBot.Storage;

namespace SupportBot.Postgres;

/// <summary>Queued messages as rows; ids from a sequence, so they never repeat.</summary>
public sealed class PgOutboxRows(PgSession s) : IOutboxRows
{
    /// <summary>
    /// One round trip: the insert takes the id and writes it into the record too. Messages are queued inside ticket
    /// writes, some while the ticket counter's row is locked, where every statement saved counts.
    /// </summary>
    public void Insert(OutboxMessage message) => message.Id = s.Scalar<long>("""
        with next as (select nextval('outbox_id_seq') as id)
        insert into outbox (id, lane, failed, next_attempt_at, doc)
        select next.id, @lane, @failed, @next, jsonb_set(@doc, '{Id}', to_jsonb(next.id)) from next
        returning id
        """, Columns(message)[1..]);

    /// <summary>
    /// <see cref="Insert"/> for many messages in one statement: ids are drawn first and dealt out in order, so the
    /// n-th message gets the n-th id however PostgreSQL orders the insert.
    /// </summary>
    public void InsertMany(IReadOnlyList<OutboxMessage> messages)
    {
        if (messages.Count == 0)
            return;
        var ids = s.Rows("""
            with ids as materialized (select nextval('outbox_id_seq') as id from generate_series(1, @count)),
            dealt as (select id, row_number() over (order by id) as ord from ids),
            inserted as (
                insert into outbox (id, lane, failed, next_attempt_at, doc)
                select d.id, m.lane, m.failed, m.next, jsonb_set(m.doc, '{Id}', to_jsonb(d.id))
                from dealt d join unnest(@lane, @failed, @next, @doc) with ordinality as m(lane, failed, next, doc, ord) using (ord))
            select id from dealt order by ord
            """, r => r.GetInt64(0), ("count", messages.Count),
            Array("lane", NpgsqlDbType.Text, messages.Select(m => m.Lane)),
            Array("failed", NpgsqlDbType.Boolean, messages.Select(m => m.Failed)),
            Array("next", NpgsqlDbType.TimestampTz, messages.Select(m => PgSession.Utc(m.NextAttemptAt))),
            Array("doc", NpgsqlDbType.Jsonb, messages.Select(PgJson.Write)));
        for (var i = 0; i < messages.Count; i++)
            messages[i].Id = ids[i];
    }

    private static (string, object?) Array<T>(string name, NpgsqlDbType type, IEnumerable<T> values) =>
        (name, new NpgsqlParameter(name, NpgsqlDbType.Array | type) { Value = values.ToArray() });

    public void Update(OutboxMessage message) =>
        s.Execute("update outbox set lane = @lane, failed = @failed, next_attempt_at = @next, doc = @doc where id = @id", Columns(message));

    private static (string, object?)[] Columns(OutboxMessage m) =>
        [("id", m.Id), ("lane", m.Lane), ("failed", m.Failed), ("next", m.NextAttemptAt), ("doc", new Jsonb(PgJson.Write(m)))];

    public void Delete(long id) => s.Execute("delete from outbox where id = @id", ("id", id));

    public List<OutboxMessage> PendingAfter(long afterId, int limit) => s.Docs<OutboxMessage>(
        "select doc from outbox where id > @after and not failed order by id limit @limit", ("after", afterId), ("limit", limit));

    public List<OutboxMessage> PendingIn(IReadOnlyCollection<string> lanes, int limit) => s.Docs<OutboxMessage>(
        "select doc from outbox where lane = any(@lanes) and not failed order by id limit @limit", ("lanes", lanes.ToArray()), ("limit", limit));

    /// <summary>
    /// Lane rows are made from the queued messages each time (so a message is never left without a lane, whichever
    /// commit made it) and dropped when empty. Taking and dropping skip rows another replica is working on, and
    /// renewing re-checks the owner after any wait, so a lane has one owner at a time.
    /// </summary>
    public List<string> ClaimLanes(string owner, DateTime now, DateTime leaseUntil, int limit)
    {
        (string, object?)[] args = [("owner", owner), ("now", now), ("until", leaseUntil), ("limit", limit)];
        s.Execute("insert into outbox_lanes (lane) select distinct lane from outbox where not failed order by lane on conflict (lane) do nothing");
        s.Execute("""
            delete from outbox_lanes where lane in (
                select lane from outbox_lanes l where (owner = @owner or lease_until < @now)
                    and not exists (select 1 from outbox o where o.lane = l.lane and not o.failed)
                for update skip locked)
            """, args);
        var held = s.Rows("update outbox_lanes set lease_until = @until where owner = @owner returning lane", r => r.GetString(0), args);
        held.AddRange(s.Rows("""
            update outbox_lanes l set owner = @owner, lease_until = @until from (
                select lane from outbox_lanes where owner is distinct from @owner and lease_until < @now
                order by lane limit @limit for update skip locked) free
            where l.lane = free.lane returning l.lane
            """, r => r.GetString(0), args));
        return held;
    }

    public void ReleaseLanes(string owner, DateTime until) =>
        s.Execute("update outbox_lanes set owner = null, lease_until = @until where owner = @owner", ("owner", owner), ("until", until));

    public int CountPending() => (int)s.Scalar<long>("select count(*) from outbox where not failed");

    public int CountSetAside() => (int)s.Scalar<long>("select count(*) from outbox where failed");

    public List<OutboxMessage> SetAside() => s.Docs<OutboxMessage>("select doc from outbox where failed order by id");
}
