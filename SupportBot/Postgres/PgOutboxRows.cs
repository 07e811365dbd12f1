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
        insert into outbox (id, lane, failed, next_attempt_at, expires_at, doc)
        select next.id, @lane, @failed, coalesce(clock_timestamp() + @wait::interval, @next), clock_timestamp() + @life::interval,
               jsonb_set(@doc::jsonb, '{Id}', to_jsonb(next.id))::json from next
        returning id
        """, [.. Columns(message)[1..], ("life", Life(message)), ("wait", Wait(message))]);

    /// <summary>
    /// Up to this many messages go in one statement that also sets each id inside its record on the server (a form's
    /// ticket queues one or two, inside the group that holds the ticket counter, where a round trip counts). More, a
    /// sweep's 500, are given their ids first, one round trip more: setting each inside its record cost the server
    /// ~7 ms a 500-message batch.
    /// </summary>
    public const int IdsSetOnServer = 16;

    /// <summary><see cref="Insert"/> for many messages: the n-th message gets the n-th id (a lane goes out in id order).</summary>
    public void InsertMany(IReadOnlyList<OutboxMessage> messages)
    {
        if (messages.Count == 0)
            return;
        if (messages.Count <= IdsSetOnServer)
            InsertSettingIds(messages);
        else
            InsertWithIds(messages);
    }

    // ids drawn first and dealt out in order, however PostgreSQL orders the insert
    private void InsertSettingIds(IReadOnlyList<OutboxMessage> messages)
    {
        var ids = s.Rows("""
            with ids as materialized (select nextval('outbox_id_seq') as id from generate_series(1, @count)),
            dealt as (select id, row_number() over (order by id) as ord from ids),
            inserted as (
                insert into outbox (id, lane, failed, next_attempt_at, expires_at, doc)
                select d.id, m.lane, m.failed, coalesce(clock_timestamp() + m.wait, m.next), clock_timestamp() + m.life,
                       jsonb_set(m.doc::jsonb, '{Id}', to_jsonb(d.id))::json
                from dealt d join unnest(@lane, @failed, @next, @wait, @life, @doc) with ordinality as m(lane, failed, next, wait, life, doc, ord) using (ord))
            select id from dealt order by ord
            """, r => r.GetInt64(0), [("count", messages.Count), .. Fields(messages)]);
        for (var i = 0; i < messages.Count; i++)
            messages[i].Id = ids[i];
    }

    private void InsertWithIds(IReadOnlyList<OutboxMessage> messages)
    {
        var ids = s.Rows("select nextval('outbox_id_seq') from generate_series(1, @count)", r => r.GetInt64(0), ("count", messages.Count));
        ids.Sort();
        for (var i = 0; i < messages.Count; i++)
            messages[i].Id = ids[i];
        s.Execute("""
            insert into outbox (id, lane, failed, next_attempt_at, expires_at, doc)
            select m.id, m.lane, m.failed, coalesce(clock_timestamp() + m.wait, m.next), clock_timestamp() + m.life, m.doc
            from unnest(@id, @lane, @failed, @next, @wait, @life, @doc) as m(id, lane, failed, next, wait, life, doc)
            """, [Array("id", NpgsqlDbType.Bigint, ids), .. Fields(messages)]);
    }

    private static (string, object?)[] Fields(IReadOnlyList<OutboxMessage> messages) => [
        Array("lane", NpgsqlDbType.Text, messages.Select(m => m.Lane)),
        Array("failed", NpgsqlDbType.Boolean, messages.Select(m => m.Failed)),
        Array("next", NpgsqlDbType.TimestampTz, messages.Select(m => PgSession.Utc(m.NextAttemptAt))),
        Array("wait", NpgsqlDbType.Interval, messages.Select(Wait)),
        Array("life", NpgsqlDbType.Interval, messages.Select(Life)),
        Array("doc", NpgsqlDbType.Json, messages.Select(PgJson.Write))];

    private static (string, object?) Array<T>(string name, NpgsqlDbType type, IEnumerable<T> values) =>
        (name, new NpgsqlParameter(name, NpgsqlDbType.Array | type) { Value = values.ToArray() });

    /// <summary>
    /// How long the message stays worth sending, measured on the clock that queued it (both instants come from it),
    /// so the row's expiry is on the database's clock whichever replica queued it and reads it.
    /// </summary>
    private static TimeSpan? Life(OutboxMessage m) => m.ExpiresAt is { } expires && m.CreatedAt != default ? expires - m.CreatedAt : null;

    /// <summary>
    /// How long after its queueing the message is first due, on the clock that queued it: its due time is kept on the
    /// database's clock like its expiry, so a replica whose clock is behind the queueing one's does not wait the
    /// difference out (a form queued on a replica 45 s ahead was due 45 s late on the other, after its 3 s).
    /// </summary>
    private static TimeSpan? Wait(OutboxMessage m) =>
        m.CreatedAt == default ? null : m.NextAttemptAt > m.CreatedAt ? m.NextAttemptAt - m.CreatedAt : TimeSpan.Zero;

    /// <summary>Keeps the row's expiry (on the database's clock) unless the message no longer expires (a retried one).</summary>
    public void Update(OutboxMessage message) => s.Execute("""
        update outbox set lane = @lane, failed = @failed, next_attempt_at = @next, doc = @doc,
            expires_at = case when @expiring then expires_at end
        where id = @id
        """, [.. Columns(message), ("expiring", message.ExpiresAt is not null)]);

    /// <summary>The record goes as json, as the column keeps it (migration 0009): stored as written, not parsed into jsonb.</summary>
    private static (string, object?)[] Columns(OutboxMessage m) =>
        [("id", m.Id), ("lane", m.Lane), ("failed", m.Failed), ("next", m.NextAttemptAt),
         ("doc", new NpgsqlParameter("doc", NpgsqlDbType.Json) { Value = PgJson.Write(m) })];

    public void Delete(long id) => s.Execute("delete from outbox where id = @id", ("id", id));

    public List<OutboxMessage> PendingAfter(long afterId, int limit) => s.Docs<OutboxMessage>(
        "select doc from outbox where id > @after and not failed order by id limit @limit", ("after", afterId), ("limit", limit));

    /// <summary>Each lane's head from the (lane, id) index, however long the lane's backlog.</summary>
    public List<OutboxMessage> PendingIn(IReadOnlyCollection<string> lanes, DateTime now, int perLane) => s.Rows("""
        select o.doc, o.expires_at - clock_timestamp(), o.next_attempt_at - clock_timestamp()
        from unnest(@lanes) as l(lane) cross join lateral (
            select id, doc, expires_at, next_attempt_at from outbox where lane = l.lane and not failed order by id limit @limit) o
        order by o.id
        """,
        r => OnReadersClock(PgJson.Read<OutboxMessage>(r.GetString(0)), r.IsDBNull(1) ? null : r.GetFieldValue<TimeSpan>(1),
            r.GetFieldValue<TimeSpan>(2), now),
        ("lanes", lanes.ToArray()), ("limit", perLane));

    /// <summary>The times left by the database's clock, from the reader's now: no two machines' clocks are compared.</summary>
    private static OutboxMessage OnReadersClock(OutboxMessage message, TimeSpan? left, TimeSpan dueIn, DateTime now)
    {
        if (left is { } timeLeft)
            message.ExpiresAt = now + timeLeft;
        message.NextAttemptAt = now + dueIn;
        return message;
    }

    /// <summary>
    /// Lane rows are made from the queued messages each time (so a message is never left without a lane, whichever
    /// commit made it) and dropped when empty. Taking and dropping skip rows another replica is working on, and
    /// renewing re-checks the owner after any wait, so a lane has one owner at a time. Every lease is measured on the
    /// database's clock: replicas' clocks may differ by any amount without two of them holding one lane.
    /// </summary>
    public List<LaneHold> ClaimLanes(string owner, DateTime now, TimeSpan lease, int limit)
    {
        (string, object?)[] args = [("owner", owner), ("lease", lease), ("limit", limit)];
        s.Execute("insert into outbox_lanes (lane) select distinct lane from outbox where not failed order by lane on conflict (lane) do nothing");
        s.Execute("""
            delete from outbox_lanes where lane in (
                select lane from outbox_lanes l where (owner = @owner or lease_until < clock_timestamp())
                    and not exists (select 1 from outbox o where o.lane = l.lane and not o.failed)
                for update skip locked)
            """, args);
        var held = s.Rows("update outbox_lanes set lease_until = clock_timestamp() + @lease where owner = @owner returning lane, version",
            Hold, args);
        held.AddRange(s.Rows("""
            update outbox_lanes l set owner = @owner, lease_until = clock_timestamp() + @lease, version = l.version + 1 from (
                select lane from outbox_lanes where owner is distinct from @owner and lease_until < clock_timestamp()
                order by lane limit @limit for update skip locked) free
            where l.lane = free.lane returning l.lane, l.version
            """, Hold, args));
        return held;
    }

    private static LaneHold Hold(Npgsql.NpgsqlDataReader r) => new(r.GetString(0), r.GetInt64(1));

    public void ReleaseLanes(string owner, DateTime now, TimeSpan pause) => s.Execute(
        "update outbox_lanes set owner = null, lease_until = clock_timestamp() + @pause, version = version + 1 where owner = @owner",
        ("owner", owner), ("pause", pause));

    public bool Holds(string owner, LaneHold hold, DateTime now, TimeSpan margin) => s.Scalar<bool>("""
        select exists (select 1 from outbox_lanes where lane = @lane and owner = @owner and version = @version
            and lease_until > clock_timestamp() + @margin)
        """, ("lane", hold.Lane), ("owner", owner), ("version", hold.Version), ("margin", margin));

    public int CountPending() => (int)s.Scalar<long>("select count(*) from outbox where not failed");

    public int CountSetAside() => (int)s.Scalar<long>("select count(*) from outbox where failed");

    public List<OutboxMessage> SetAside() => s.Docs<OutboxMessage>("select doc from outbox where failed order by id");
}
