using Npgsql;
using SupportBot.Postgres;
using SupportBot.Tickets;

namespace SupportBot.Tests.Faults;

/// <summary>What the replicas left in their PostgreSQL database, read directly (as an operator with psql would).</summary>
public sealed class SharedDatabase(string connectionString)
{
    public List<Ticket> Tickets() =>
        Query("select doc::text from tickets order by number", r => PgJson.Read<Ticket>(r.GetString(0)));

    public long TicketCounter() => Query("select value from counters where name = 'tickets'", r => r.GetInt64(0)).Single();

    /// <summary>Messages still owed (not yet delivered) and messages set aside as refused for good.</summary>
    public (long Owed, long SetAside) Outbox() =>
        Query("select count(*) filter (where not failed), count(*) filter (where failed) from outbox", r => (r.GetInt64(0), r.GetInt64(1))).Single();

    private List<T> Query<T>(string sql, Func<NpgsqlDataReader, T> read)
    {
        using var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        using var reader = command.ExecuteReader();
        var rows = new List<T>();
        while (reader.Read())
            rows.Add(read(reader));
        return rows;
    }
}
