using Npgsql;
using SupportBot.Storage;

namespace SupportBot.Postgres;

/// <summary>
/// <c>ConnectionStrings:Postgres</c>: set, the bot keeps its state in PostgreSQL and Quartz runs clustered there;
/// unset or blank, LiteDB stays the store. Read here only, so every feature agrees on whether it is set.
/// </summary>
public sealed class PostgresConnection
{
    public const string Name = StoreEngine.PostgresConnectionName;
    public const string Key = "ConnectionStrings:" + Name;

    /// <summary>The configured connection string, or null when PostgreSQL is not configured.</summary>
    public string? ConnectionString { get; set; }

    public bool Configured => ConnectionString is not null;

    public static string? Read(IConfiguration configuration) => StoreEngine.PostgresConnectionString(configuration);

    /// <summary>
    /// Why the setting cannot be used, or null when it parses and names a host. Never quotes the string (it may hold a
    /// password); Npgsql's parse errors name the keyword or the position, not the value.
    /// </summary>
    public static string? Problem(string connectionString)
    {
        try
        {
            var parsed = new NpgsqlConnectionStringBuilder(connectionString);
            return string.IsNullOrWhiteSpace(parsed.Host) ? $"{Key} names no Host (e.g. Host=db;Database=supportbot;Username=bot;Password=…)." : null;
        }
        catch (Exception e) when (e is ArgumentException or FormatException or InvalidCastException or OverflowException)
        {
            return $"{Key} is not a PostgreSQL connection string ({e.Message}); e.g. Host=db;Database=supportbot;Username=bot;Password=….";
        }
    }

    /// <summary>Where the string points, for logs and start-up errors: host, port, database and user, never the password.</summary>
    public static string Describe(string connectionString)
    {
        var parsed = new NpgsqlConnectionStringBuilder(connectionString);
        return $"{parsed.Username ?? "(default user)"}@{parsed.Host}:{parsed.Port}/{parsed.Database ?? "(default database)"}";
    }
}
