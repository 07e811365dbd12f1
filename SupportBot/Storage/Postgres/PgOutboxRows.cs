using SupportBot.Outbox;

namespace SupportBot.Storage.Postgres;

/// <summary>Queued messages as rows; ids from a sequence, so they never repeat.</summary>
public sealed class PgOutboxRows(PgSession s) : IOutboxRows
{
    public void Insert(OutboxMessage message)
    {
        message.Id = s.Scalar<long>("select nextval('outbox_id_seq')");
        s.Execute("insert into outbox (id, lane, failed, next_attempt_at, doc) values (@id, @lane, @failed, @next, @doc)", Columns(message));
    }

    public void Update(OutboxMessage message) =>
        s.Execute("update outbox set lane = @lane, failed = @failed, next_attempt_at = @next, doc = @doc where id = @id", Columns(message));

    private static (string, object?)[] Columns(OutboxMessage m) =>
        [("id", m.Id), ("lane", m.Lane), ("failed", m.Failed), ("next", m.NextAttemptAt), ("doc", new Jsonb(PgJson.Write(m)))];

    public void Delete(long id) => s.Execute("delete from outbox where id = @id", ("id", id));

    public List<OutboxMessage> PendingAfter(long afterId, int limit) => s.Docs<OutboxMessage>(
        "select doc from outbox where id > @after and not failed order by id limit @limit", ("after", afterId), ("limit", limit));

    public int CountPending() => (int)s.Scalar<long>("select count(*) from outbox where not failed");

    public int CountSetAside() => (int)s.Scalar<long>("select count(*) from outbox where failed");

    public List<OutboxMessage> SetAside() => s.Docs<OutboxMessage>("select doc from outbox where failed order by id");
}
