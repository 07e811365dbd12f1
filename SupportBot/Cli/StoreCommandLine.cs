using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SupportBot.LiteDb;
using SupportBot.Postgres;
using SupportBot.Storage;

namespace SupportBot.Cli;

/// <summary>
/// <c>dotnet SupportBot.dll backup &lt;file&gt;</c>: a consistent copy of the data file named by
/// <c>ConnectionStrings:LiteDb</c> (appsettings.json, environment). With the bot stopped it copies the file itself;
/// with the bot running it asks the bot (<see cref="StoreRequests"/>), so the copy is taken between two commits.
/// With <c>ConnectionStrings:Postgres</c> set it points to pg_dump instead and exits 2.
/// </summary>
public static class StoreCommandLine
{
    public const string Backup = StoreRequests.Backup;

    public static bool Handles(string[] args) => args is [Backup, ..];

    public static Task<int> RunAsync(string[] args) => Task.FromResult(Run(args));

    private static int Run(string[] args)
    {
        if (args is not [Backup, var target])
        {
            Console.Error.WriteLine("Usage: dotnet SupportBot.dll backup <file>");
            return 2;
        }
        var configuration = new ConfigurationBuilder().SetBasePath(AppContext.BaseDirectory)
            .AddJsonFile("appsettings.json", optional: true).AddEnvironmentVariables().Build();
        if (PostgresConnection.Read(configuration) is { } postgres)
        {
            // the database is the server's to copy consistently; a file copy of it would be neither whole nor restorable
            Console.Error.WriteLine($"The store is PostgreSQL ({PostgresConnection.Key}: {PostgresConnection.Describe(postgres)}); " +
                "back it up with pg_dump, e.g. pg_dump --format=custom --file=supportbot.dump <database> (README: Running more than one replica). " +
                "`backup` copies a LiteDB data file only.");
            return 2;
        }
        using var file = new StoreFile(StoreEngine.LiteDbConnectionString(configuration), (c, m) => new LiteDB.LiteDatabase(c, m),
            NullLogger<StoreFile>.Instance);
        if (file.Path is null)
        {
            Console.Error.WriteLine("ConnectionStrings:LiteDb names no file; an in-memory store cannot be backed up.");
            return 2;
        }
        try
        {
            using var gate = new StoreGate(file, NullLogger<StoreGate>.Instance);
            gate.Open(); // takes the lock: the bot is not running
            new StoreBackup(gate, file, Options.Create(new BackupOptions()), TimeProvider.System, NullLogger<StoreBackup>.Instance).CopyTo(target);
            Console.WriteLine($"Backed up {file.Path} to {Path.GetFullPath(target)} (the bot was not running).");
            return 0;
        }
        catch (StoreUnavailableException e) when (e.Locked)
        {
            return CommandLine.ThroughTheBot(file.Path, Backup, [Path.GetFullPath(target)]);
        }
        catch (StoreUnavailableException e)
        {
            Console.Error.WriteLine($"Backup failed: {e.Message}");
            return 2;
        }
    }
}
