using Npgsql;
using NpgsqlTypes;
using SupportBot.Tickets;

namespace SupportBot.Postgres;

/// <summary>
/// The parameters of <see cref="PgTicketRows.UpdateMany"/>: each column of <see cref="PgTicketRows.Columns"/> as one
/// array, unnested side by side. Escalation ts lists differ in length per ticket, so each travels as a jsonb array.
/// </summary>
public static class TicketColumns
{
    public static (string, object?)[] Of(IReadOnlyList<Ticket> tickets) => [
        Array("number", NpgsqlDbType.Integer, tickets.Select(t => t.Number)),
        Array("status", NpgsqlDbType.Text, tickets.Select(t => t.Status.ToString())),
        Array("channel", NpgsqlDbType.Text, tickets.Select(t => t.ChannelId)),
        Array("thread", NpgsqlDbType.Text, tickets.Select(t => t.ThreadTs)),
        Array("triage", NpgsqlDbType.Text, tickets.Select(t => t.TriageTs)),
        Array("escalations", NpgsqlDbType.Jsonb, tickets.Select(t => PgJson.Write(t.Escalations.Where(e => e.Ts is not null).Select(e => e.Ts!).ToArray()))),
        Instants("next_check", tickets.Select(t => t.Sla.NextCheckAt)),
        Instants("pending_next", tickets.Select(t => t.Sla.PendingNextAt)),
        Instants("auto_close", tickets.Select(t => t.Sla.AutoCloseAt)),
        Instants("offer_due", tickets.Select(t => t.OfferDueAt)),
        Instants("updated", tickets.Select(t => (DateTime?)t.UpdatedAt)),
        Array("doc", NpgsqlDbType.Jsonb, tickets.Select(t => PgJson.Write(t)))];

    private static (string, object?) Array<T>(string name, NpgsqlDbType type, IEnumerable<T> values) =>
        (name, new NpgsqlParameter(name, NpgsqlDbType.Array | type) { Value = values.ToArray() });

    // timestamptz takes UTC instants only (PgSession.Utc)
    private static (string, object?) Instants(string name, IEnumerable<DateTime?> values) =>
        Array(name, NpgsqlDbType.TimestampTz, values.Select(v => v is { } d ? PgSession.Utc(d) : (DateTime?)null));
}
