using System.Reflection;
using DbUp;
using DbUp.Engine;
using Npgsql;
using SupportBot.Storage;

namespace SupportBot.Postgres;

/// <summary>
/// The PostgreSQL schema, applied by DbUp from the embedded scripts in Migrations/ (<c>NNNN_name.sql</c>, in name
/// order), each once: DbUp's journal table (<c>schemaversions</c>) records what ran. Every replica calls this at start.
/// </summary>
public static class PostgresSchema
{
    /// <summary>The advisory lock every replica takes around the upgrade, so two starting together apply each script once.</summary>
    public const long UpgradeLock = 0x5355_5050_4f52_5431; // "SUPPORT1"

    private const string Prefix = "SupportBot.Postgres.Migrations.";

    public static void Upgrade(string connectionString, ILogger logger)
    {
        using var guard = new NpgsqlConnection(connectionString);
        guard.Open();
        Execute(guard, "SELECT pg_advisory_lock(@key)");
        try
        {
            var result = DeployChanges.To.PostgresqlDatabase(connectionString)
                .WithScripts(Scripts())
                .WithTransactionPerScript() // a failing script leaves nothing half-made (PostgreSQL's DDL is transactional)
                .WithVariablesDisabled()    // PL/pgSQL's $$ quoting is not a DbUp variable
                .LogTo(logger)
                .Build()
                .PerformUpgrade();
            if (!result.Successful)
                throw new PostgresSchemaException($"the migration {result.ErrorScript?.Name} failed: {result.Error.Message}", result.Error);
        }
        finally
        {
            Execute(guard, "SELECT pg_advisory_unlock(@key)");
        }
    }

    /// <summary>The embedded migrations, named by file (the journal's names) and ordered by name.</summary>
    public static IReadOnlyList<SqlScript> Scripts()
    {
        var assembly = typeof(PostgresSchema).Assembly;
        return assembly.GetManifestResourceNames()
            .Where(name => name.StartsWith(Prefix, StringComparison.Ordinal) && name.EndsWith(".sql", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(name => new SqlScript(name[Prefix.Length..], Read(assembly, name)))
            .ToList();
    }

    private static string Read(Assembly assembly, string name)
    {
        using var reader = new StreamReader(assembly.GetManifestResourceStream(name)!);
        return reader.ReadToEnd();
    }

    private static void Execute(NpgsqlConnection connection, string sql)
    {
        using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("key", UpgradeLock);
        command.ExecuteNonQuery();
    }
}

public sealed class PostgresSchemaException(string message, Exception inner) : Exception(message, inner);
