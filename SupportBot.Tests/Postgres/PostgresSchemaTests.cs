using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using SupportBot.Outbox;
using SupportBot.Postgres;
using SupportBot.Tests.Infrastructure;

namespace SupportBot.Tests.Postgres;

[Collection(PostgresCollection.Name)]
public sealed class PostgresSchemaTests(PostgresServer server)
{
    [Fact]
    public void Upgrade_on_an_empty_database_creates_Quartz_tables_and_journals_each_script_once()
    {
        var database = server.NewDatabase();

        PostgresSchema.Upgrade(database, NullLogger.Instance);

        Assert.Contains("qrtz_triggers", Tables(database));
        Assert.Contains("qrtz_locks", Tables(database));
        Assert.Equal(PostgresSchema.Scripts().Select(s => s.Name), Journal(database));
        Assert.Equal("0001_quartz.sql", PostgresSchema.Scripts()[0].Name);
    }

    /// <summary>pglz compressing each ~2 KB ticket document was the largest share of a sweep's batch update.</summary>
    [Fact]
    public void Ticket_documents_are_compressed_with_lz4()
    {
        var database = Upgraded();
        using var connection = new NpgsqlConnection(database);
        connection.Open();
        using var insert = new NpgsqlCommand("""
            insert into tickets (number, status, channel_id, updated_at, revision, doc)
            values (1, 'New', 'C_ACME', now(), 1, jsonb_build_object('Description', repeat('Queries take 30 s since the upgrade. ', 200)))
            """, connection);
        insert.ExecuteNonQuery();

        using var method = new NpgsqlCommand("select pg_column_compression(doc) from tickets where number = 1", connection);
        Assert.Equal("lz4", method.ExecuteScalar());
    }

    /// <summary>Every ticket write inserts into every index of the table: one no query uses is pure cost.</summary>
    [Fact]
    public void Tickets_carry_no_index_on_their_revision() =>
        Assert.Empty(Query(Upgraded(), "select indexname::text from pg_indexes where tablename = 'tickets' and indexdef like '%(revision)%'"));

    /// <summary>Parsing each queued message into jsonb and printing it back cost a sweep's 1,000-message insert most of its time.</summary>
    [Fact]
    public void A_sweeps_queued_messages_are_stored_as_written()
    {
        var database = Upgraded();
        var messages = Enumerable.Range(0, PgOutboxRows.IdsSetOnServer + 1).Select(i => new OutboxMessage
            { Lane = "C_ACME", Method = "chat.postMessage", Args = $$"""{"text":"m{{i}}"}""", NextAttemptAt = DateTime.UtcNow }).ToList();
        using (var source = NpgsqlDataSource.Create(database))
            new PostgresGate(source, NullLogger<PostgresGate>.Instance).Write(s => s.Outbox.InsertMany(messages));

        Assert.Equal(messages.Select(PgJson.Write), Query(database, "select doc::text from outbox order by id"));
    }

    [Fact]
    public void A_second_upgrade_changes_nothing()
    {
        var database = server.NewDatabase();
        PostgresSchema.Upgrade(database, NullLogger.Instance);
        var tables = Tables(database);

        PostgresSchema.Upgrade(database, NullLogger.Instance);

        Assert.Equal(tables, Tables(database));
        Assert.Equal(PostgresSchema.Scripts().Select(s => s.Name), Journal(database));
    }

    [Fact]
    public async Task Upgrades_started_together_apply_each_script_once()
    {
        var database = server.NewDatabase();

        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => PostgresSchema.Upgrade(database, NullLogger.Instance))));

        Assert.Equal(PostgresSchema.Scripts().Select(s => s.Name), Journal(database));
        Assert.Contains("qrtz_job_details", Tables(database));
    }

    [Fact]
    public void The_upgrade_log_names_the_scripts_and_never_the_password()
    {
        const string password = "pg-log-secret-7";
        var database = new NpgsqlConnectionStringBuilder(server.NewDatabase()) { Password = password }.ConnectionString;
        using var logs = new AppLogs();

        PostgresSchema.Upgrade(database, logs.CreateLogger(nameof(PostgresSchema)));

        Assert.Contains(logs.Lines, l => l.Message.Contains("0001_quartz.sql", StringComparison.Ordinal));
        Assert.DoesNotContain(logs.Lines, l => l.Message.Contains(password, StringComparison.Ordinal));
    }

    /// <summary>A new database with every migration applied.</summary>
    private string Upgraded()
    {
        var database = server.NewDatabase();
        PostgresSchema.Upgrade(database, NullLogger.Instance);
        return database;
    }

    private static List<string> Tables(string database) =>
        Query(database, "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name");

    private static List<string> Journal(string database) => Query(database, "SELECT scriptname FROM schemaversions ORDER BY schemaversionsid");

    private static List<string> Query(string database, string sql)
    {
        using var connection = new NpgsqlConnection(database);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        using var reader = command.ExecuteReader();
        var rows = new List<string>();
        while (reader.Read())
            rows.Add(reader.GetString(0));
        return rows;
    }
}
