using System.Globalization;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using SupportBot.LiteDb;
using SupportBot.Storage;

namespace SupportBot.Postgres;

/// <summary>
/// <c>dotnet SupportBot.dll migrate-store --to-postgres "&lt;connection string&gt;"</c>: copies the LiteDB file named by
/// <c>ConnectionStrings:LiteDb</c> into PostgreSQL (schema first), keeping every key, and checks the counts of each
/// kind on both sides. Safe to run again: a record already copied is not written twice. It takes the data file's
/// lock, so it refuses while the bot runs on that file (the copy would miss what the bot writes meanwhile).
/// </summary>
public static class StoreMigration
{
    public const string Verb = "migrate-store";
    private const string UsageText = "Usage: dotnet SupportBot.dll migrate-store --to-postgres \"Host=…;Database=…;Username=…;Password=…\"";

    public static int Run(IReadOnlyList<string> args, IConfiguration configuration, TextWriter output, TextWriter error)
    {
        var target = args switch
        {
            ["--to-postgres", var connection] => connection,
            [] => PostgresConnection.Read(configuration),
            _ => null,
        };
        if (target is null)
        {
            error.WriteLine(UsageText);
            return 2;
        }
        if (PostgresConnection.Problem(target) is { } problem)
        {
            error.WriteLine($"The target is not usable: {problem}");
            return 2;
        }
        using var file = new StoreFile(StoreEngine.LiteDbConnectionString(configuration), (c, m) => new LiteDB.LiteDatabase(c, m),
            NullLogger<StoreFile>.Instance);
        if (file.Path is null || !File.Exists(file.Path))
        {
            error.WriteLine($"No LiteDB file to copy: ConnectionStrings:LiteDb names {file.Path ?? "an in-memory store"}.");
            return 2;
        }
        var where = PostgresConnection.Describe(target);
        try
        {
            using var lite = file.Open(verify: true);
            PostgresSchema.Upgrade(target, NullLogger.Instance);
            using var postgres = NpgsqlDataSource.Create(target);
            return Report(file.Path, where, new StoreCopy(lite, postgres).Run(), output, error);
        }
        catch (StoreUnavailableException e)
        {
            error.WriteLine($"Nothing was copied: {e.Message}{(e.Locked ? " Stop the bot first: it holds the file while it runs." : "")}");
            return 1;
        }
        catch (Exception e) when (e is NpgsqlException or PostgresSchemaException or TimeoutException)
        {
            error.WriteLine($"Nothing was copied: PostgreSQL ({where}) failed: {e.Message}");
            return 1;
        }
    }

    private static int Report(string file, string where, IReadOnlyList<CopiedKind> kinds, TextWriter output, TextWriter error)
    {
        output.WriteLine($"Copied {file} into PostgreSQL {where}:");
        foreach (var k in kinds)
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {k.Kind,-20} {k.InLiteDb,8} in LiteDB {k.InPostgres,8} in PostgreSQL {k.Written,8} written"));
        var differing = kinds.Where(k => !k.Matches).ToList();
        foreach (var k in differing)
            error.WriteLine($"The counts differ for {k.Kind}: {k.InLiteDb} in LiteDB, {k.InPostgres} in PostgreSQL.");
        if (differing.Count > 0)
            return 1;
        output.WriteLine("Every kind has the same count on both sides. Set ConnectionStrings:Postgres to run the bot on PostgreSQL.");
        return 0;
    }
}
