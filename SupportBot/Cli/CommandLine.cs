using SupportBot.Outbox;
using SupportBot.Slack.DeadLetters;
using SupportBot.Storage;

namespace SupportBot.Cli;

/// <summary>
/// <c>dotnet SupportBot.dll --help</c>, <c>outbox list|retry</c>, <c>deadletters list|retry</c>: answered without
/// starting the server. Store verbs open the same LiteDB file as the bot (same settings), so run them while it is stopped.
/// </summary>
public static class CommandLine
{
    private static readonly IStoreVerb[] Verbs = [new OutboxCli(), new DeadLetterCli()];

    /// <summary>The exit code, or null when the arguments are for the server (none, or ASP.NET Core's own).</summary>
    public static int? Run(string[] args)
    {
        if (args.Length == 0)
            return null;
        if (args[0] is "--help" or "-h" or "help")
        {
            Console.Out.Write(Usage.Text);
            return 0;
        }
        var verb = Verbs.FirstOrDefault(v => v.Name == args[0]);
        return verb is null ? null : RunOnStore(verb, args[1..]);
    }

    private static int RunOnStore(IStoreVerb verb, string[] args)
    {
        var config = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = [] }).Configuration;
        // through the store's own door: the process lock refuses while the bot runs, a damaged file is named
        using var file = new StoreFile(StorageExtensions.ConnectionString(config), (c, m) => new LiteDB.LiteDatabase(c, m),
            Microsoft.Extensions.Logging.Abstractions.NullLogger<StoreFile>.Instance);
        try
        {
            using var db = file.Open(verify: false);
            return verb.Run(new Storage.LiteDb.LiteSession(db), args, DateTime.UtcNow, Console.Out);
        }
        catch (StoreUnavailableException e)
        {
            Console.Error.WriteLine($"Cannot open the store: {e.Message} Stop the bot first: it holds the file while it runs.");
            return 1;
        }
    }
}
