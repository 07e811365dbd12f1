using Npgsql;
using SupportBot.Outbox;
using SupportBot.Slack.DeadLetters;
using SupportBot.LiteDb;
using SupportBot.Storage;
using SupportBot.Postgres;

namespace SupportBot.Cli;

/// <summary>
/// <c>dotnet SupportBot.dll --help</c>, <c>outbox list|retry</c>, <c>deadletters list|retry</c>, <c>migrate-store</c>:
/// answered without starting the server. Store verbs use the bot's own store (same settings): on LiteDB they open the
/// same file while the bot is stopped, and ask the running bot to run them while it holds the file
/// (<see cref="StoreRequests"/>); on PostgreSQL they run beside the running replicas, and wake their outboxes.
/// </summary>
public static class CommandLine
{
    private static readonly IStoreVerb[] Verbs = [new OutboxCli(), new DeadLetterCli()];

    /// <summary>The words that may come first; anything else is refused rather than started as a bot.</summary>
    internal static IReadOnlyList<string> Commands { get; } = [.. Verbs.Select(v => v.Name), StoreCommandLine.Backup, StoreMigration.Verb, "help"];

    /// <summary>
    /// The exit code, or null when the arguments are for the server (none, or ASP.NET Core's own configuration); 2 for
    /// arguments that are neither.
    /// </summary>
    public static int? Run(string[] args)
    {
        if (args.Length == 0)
            return null;
        if (args[0] is "-h" or "help" || args.Contains("--help"))
        {
            Console.Out.Write(Usage.Text);
            return 0;
        }
        if (args[0] == StoreMigration.Verb)
            return StoreMigration.Run(args[1..], Configuration(), Console.Out, Console.Error);
        var verb = Verbs.FirstOrDefault(v => v.Name == args[0]);
        if (verb is null)
            return args[0] == StoreCommandLine.Backup ? null : ServerArguments.Refuse(args); // backup: Program's next check
        var config = Configuration();
        return PostgresConnection.Read(config) is { } postgres ? RunOnPostgres(verb, args[1..], postgres) : RunOnStore(verb, args[1..], config);
    }

    private static ConfigurationManager Configuration() =>
        Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = [], ContentRootPath = AppFolder.ContentRoot([]) }).Configuration;

    /// <summary>How long a command waits for the running bot's answer.</summary>
    internal static readonly TimeSpan BotAnswerWait = TimeSpan.FromSeconds(60);

    private static int RunOnStore(IStoreVerb verb, string[] args, IConfiguration config)
    {
        // through the store's own door: the process lock refuses while the bot runs, a damaged file is named
        using var file = new StoreFile(StoreEngine.LiteDbConnectionString(config), (c, m) => new LiteDB.LiteDatabase(c, m),
            Microsoft.Extensions.Logging.Abstractions.NullLogger<StoreFile>.Instance);
        try
        {
            using var db = file.Open(verify: false);
            return verb.Run(new LiteSession(db), args, DateTime.UtcNow, Console.Out);
        }
        catch (StoreUnavailableException e) when (e.Locked && file.Path is { } dataFile)
        {
            return ThroughTheBot(dataFile, verb.Name, args);
        }
        catch (StoreUnavailableException e)
        {
            Console.Error.WriteLine($"Cannot open the store: {e.Message}");
            return 1;
        }
    }

    /// <summary>The bot holds the file: it runs the verb in one of its store writes and sends back what it printed.</summary>
    internal static int ThroughTheBot(string dataFile, string verb, IReadOnlyList<string> args)
    {
        var answer = StoreRequests.Ask(dataFile, verb, args, BotAnswerWait);
        if (answer is null)
        {
            Console.Error.WriteLine($"Another process holds {dataFile}, and it did not answer within {BotAnswerWait.TotalSeconds:0} s " +
                                    "(a bot that is starting, stuck, or an older version); the request was withdrawn. Try again, or stop the bot and rerun.");
            return 1;
        }
        (answer.Exit == 0 ? Console.Out : Console.Error).Write(answer.Output);
        return answer.Exit;
    }

    /// <summary>
    /// Messages put back in line are updates, which the outbox's insert trigger does not announce: the replicas' change
    /// feeds are woken on the same channel, so their outboxes look at once rather than on their next idle round.
    /// </summary>
    private static void WakeReplicas(NpgsqlDataSource source)
    {
        using var notify = source.CreateCommand($"select pg_notify('{TicketFeed.OutboxChannel}', '')");
        notify.ExecuteNonQuery();
    }

    /// <summary>One transaction beside the running replicas; the output is printed once it commits (a rerun write prints once).</summary>
    private static int RunOnPostgres(IStoreVerb verb, string[] args, string connection)
    {
        if (PostgresConnection.Problem(connection) is { } problem)
        {
            Console.Error.WriteLine(problem);
            return 2;
        }
        try
        {
            using var source = NpgsqlDataSource.Create(connection);
            var gate = new PostgresGate(source, Microsoft.Extensions.Logging.Abstractions.NullLogger<PostgresGate>.Instance);
            var (exit, text) = gate.Write(s =>
            {
                using var output = new StringWriter();
                return (verb.Run(s, args, DateTime.UtcNow, output), output.ToString());
            });
            WakeReplicas(source);
            Console.Out.Write(text);
            return exit;
        }
        catch (Exception e) when (e is NpgsqlException or StoreWriteFailedException or TimeoutException)
        {
            Console.Error.WriteLine($"Cannot use the store: {PostgresConnection.Key} ({PostgresConnection.Describe(connection)}): {e.Message}");
            return 1;
        }
    }
}
