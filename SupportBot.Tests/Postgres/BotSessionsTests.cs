using Npgsql;
using SupportBot.Postgres;
using SupportBot.Tests.Infrastructure;

namespace SupportBot.Tests.Postgres;

/// <summary>
/// The bot's pool prepares the statements it runs over and over, so the server stops parsing and planning each, and
/// keeps them prepared when a session goes back to the pool; a connection string's own setting wins.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class BotSessionsTests(PostgresServer server)
{
    private const string Statement = "select count(*) from pg_class where relname = @name";

    [Fact]
    public void A_statement_run_again_on_a_pooled_session_is_prepared_and_stays_prepared()
    {
        using var sessions = PostgresStore.BotSessions(server.NewDatabase(), new PostgresOptions());

        for (var run = 0; run < 6; run++)
            Run(sessions, Statement);

        Assert.Equal(1L, Run(sessions, "select count(*) from pg_prepared_statements where statement like '%pg_class where relname%'"));
    }

    [Fact]
    public void A_connection_string_that_turns_preparing_off_is_obeyed()
    {
        var off = new NpgsqlConnectionStringBuilder(server.NewDatabase()) { MaxAutoPrepare = 0 }.ConnectionString;
        using var sessions = PostgresStore.BotSessions(off, new PostgresOptions());

        for (var run = 0; run < 6; run++)
            Run(sessions, Statement);

        Assert.Equal(0L, Run(sessions, "select count(*) from pg_prepared_statements"));
    }

    // one session at a time: the pool hands the same one back each time. Six runs: Npgsql prepares a statement on
    // its fifth use (Auto Prepare Min Usages)
    private static long Run(NpgsqlDataSource sessions, string sql)
    {
        using var connection = sessions.OpenConnection();
        using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("name", "pg_class");
        return (long)command.ExecuteScalar()!;
    }
}
