using System.Security.Cryptography;
using System.Text;
using Npgsql;

namespace SupportBot.Tests.Infrastructure;

/// <summary>
/// Opt-in: with SUPPORTBOT_TEST_STORE=postgres (and SUPPORTBOT_TEST_POSTGRES naming a server), every
/// <see cref="SupportBotApp"/> keeps its state in PostgreSQL instead of its LiteDB file, one database per data file
/// path (so a restart on the same path finds its data). The app-level suite then exercises the PostgreSQL store;
/// tests that reach into LiteDB itself are expected to fail in that mode.
/// </summary>
public static class OnPostgres
{
    public static string? DatabaseFor(string dbPath)
    {
        if (Environment.GetEnvironmentVariable("SUPPORTBOT_TEST_STORE") != "postgres"
            || Environment.GetEnvironmentVariable(PostgresServer.Variable) is not { Length: > 0 } server)
            return null;
        var name = "app_" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(Path.GetFullPath(dbPath))))[..16].ToLowerInvariant();
        using (var connection = new NpgsqlConnection(server))
        {
            connection.Open();
            using var exists = new NpgsqlCommand("select 1 from pg_database where datname = @name", connection);
            exists.Parameters.AddWithValue("name", name);
            if (exists.ExecuteScalar() is null)
            {
                using var create = new NpgsqlCommand($"create database {name}", connection);
                create.ExecuteNonQuery();
            }
        }
        return new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
    }
}
