using Npgsql;
using NpgsqlTypes;
using SupportBot.Postgres;
using SupportBot.Tickets;

namespace SupportBot.Benchmarks;

/// <summary>
/// Stores generated tickets in PostgreSQL with one binary COPY: the columns PgTicketRows keeps beside each record,
/// and the record as jsonb, then the counters and the revision sequence where the app would have left them.
/// </summary>
public static class PostgresFill
{
    public static void Tickets(string connectionString, IEnumerable<Ticket> tickets)
    {
        using var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        var count = 0;
        using (var copy = connection.BeginBinaryImport("""
            copy tickets (number, status, channel_id, thread_ts, triage_ts, escalation_ts,
                          sla_next_check, sla_pending_next, sla_auto_close, updated_at, revision, doc) from stdin (format binary)
            """))
        {
            foreach (var t in tickets)
            {
                copy.StartRow();
                copy.Write(t.Number, NpgsqlDbType.Integer);
                copy.Write(t.Status.ToString(), NpgsqlDbType.Text);
                copy.Write(t.ChannelId, NpgsqlDbType.Text);
                Nullable(copy, t.ThreadTs, NpgsqlDbType.Text);
                Nullable(copy, t.TriageTs, NpgsqlDbType.Text);
                copy.Write(t.Escalations.Where(e => e.Ts is not null).Select(e => e.Ts!).ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text);
                Nullable(copy, t.Sla.NextCheckAt, NpgsqlDbType.TimestampTz);
                Nullable(copy, t.Sla.PendingNextAt, NpgsqlDbType.TimestampTz);
                Nullable(copy, t.Sla.AutoCloseAt, NpgsqlDbType.TimestampTz);
                copy.Write(t.UpdatedAt, NpgsqlDbType.TimestampTz);
                copy.Write((long)t.Number, NpgsqlDbType.Bigint);
                copy.Write(PgJson.Write(t), NpgsqlDbType.Jsonb);
                count++;
            }
            copy.Complete();
        }
        using var after = new NpgsqlCommand(
            $"update counters set value = {count} where name = 'tickets'; select setval('ticket_revision', {Math.Max(count, 1)}); analyze tickets", connection);
        after.ExecuteNonQuery();
    }

    private static void Nullable<T>(NpgsqlBinaryImporter copy, T? value, NpgsqlDbType type)
    {
        if (value is null)
            copy.WriteNull();
        else
            copy.Write(value, type);
    }
}
