namespace SupportBot.Storage;

/// <summary>
/// Which engine holds the store: PostgreSQL when <c>ConnectionStrings:Postgres</c> is set (several replicas can share
/// it), else the embedded LiteDB file. The one place this is decided, so the engines' <c>AddX</c> calls and the
/// features that behave differently with several replicas (Quartz clustering, backups) agree without knowing the engines.
/// </summary>
public static class StoreEngine
{
    public const string PostgresConnectionName = "Postgres";

    /// <summary>The configured PostgreSQL connection string, or null when LiteDB is the store.</summary>
    public static string? PostgresConnectionString(IConfiguration configuration) =>
        configuration.GetConnectionString(PostgresConnectionName) is { } text && !string.IsNullOrWhiteSpace(text) ? text : null;

    public static bool IsPostgres(IConfiguration configuration) => PostgresConnectionString(configuration) is not null;

    public const string LiteDbConnectionName = "LiteDb";
    public const string DefaultLiteDbConnection = "Filename=supportbot.db";

    /// <summary><c>ConnectionStrings:LiteDb</c>, default <c>Filename=supportbot.db</c>.</summary>
    public static string LiteDbConnectionString(IConfiguration configuration) =>
        configuration.GetConnectionString(LiteDbConnectionName) is { Length: > 0 } configured && !string.IsNullOrWhiteSpace(configured)
            ? configured
            : DefaultLiteDbConnection;

    /// <summary>
    /// The full path of the LiteDB data file, or null for an in-memory store: other files the bot keeps (the search
    /// index) default to its folder. Parsed by LiteDB's own connection-string reader.
    /// </summary>
    public static string? LiteDbFile(IConfiguration configuration)
    {
        var file = new LiteDB.ConnectionString(LiteDbConnectionString(configuration)).Filename;
        return string.IsNullOrEmpty(file) || file == ":memory:" || file == ":temp:" ? null : Path.GetFullPath(file);
    }
}
