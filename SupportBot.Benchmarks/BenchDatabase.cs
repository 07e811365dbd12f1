using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using SupportBot.Postgres;

namespace SupportBot.Benchmarks;

/// <summary>
/// A database of its own on the PostgreSQL server <c>--postgres</c> names, with the app's schema (the migrations),
/// dropped on dispose. <see cref="CopyOf"/> clones a filled one (CREATE DATABASE … TEMPLATE), as the LiteDB runs copy a file.
/// </summary>
public sealed class BenchDatabase : IDisposable
{
    private readonly string _server;

    private BenchDatabase(string server, string name)
    {
        _server = server;
        Name = name;
        ConnectionString = new NpgsqlConnectionStringBuilder(server) { Database = name, MaxPoolSize = 200 }.ConnectionString;
    }

    public string Name { get; }

    public string ConnectionString { get; }

    /// <summary>A new empty database, migrated.</summary>
    public static BenchDatabase Create(string server)
    {
        var database = New(server, "");
        PostgresSchema.Upgrade(database.ConnectionString, NullLogger.Instance);
        return database;
    }

    public BenchDatabase CopyOf()
    {
        NpgsqlConnection.ClearAllPools(); // a template must have no sessions
        return New(_server, $" TEMPLATE \"{Name}\"");
    }

    private static BenchDatabase New(string server, string template)
    {
        var database = new BenchDatabase(server, "supportbot_bench_" + Guid.NewGuid().ToString("N")[..10]);
        Execute(server, $"CREATE DATABASE \"{database.Name}\"{template}");
        return database;
    }

    public void Execute(string sql) => Execute(ConnectionString, sql);

    private static void Execute(string connectionString, string sql)
    {
        using var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 600 };
        command.ExecuteNonQuery();
    }

    public void Dispose()
    {
        NpgsqlConnection.ClearAllPools();
        Execute(_server, $"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)");
    }
}
