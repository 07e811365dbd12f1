using System.Text.Json;
using SupportBot.Outbox;
using SupportBot.Slack.Events;
using SupportBot.Storage;

namespace SupportBot.LiteDb;

/// <summary>A command-line verb and its words, for the running bot to run.</summary>
public sealed record StoreRequest(string Verb, IReadOnlyList<string> Args);

/// <summary>What the running bot answered: the verb's exit code and what it printed.</summary>
public sealed record StoreAnswer(int Exit, string Output);

/// <summary>
/// Store commands while the bot runs on LiteDB: the running bot holds the data file's lock, so <c>backup</c>,
/// <c>outbox</c> and <c>deadletters</c> leave a request file beside it (<c>&lt;data file&gt;.request-&lt;id&gt;</c>: the
/// verb and its words) and the bot runs it, between two commits, answering in <c>&lt;data file&gt;.answer-&lt;id&gt;</c>
/// (the exit code and the output, which the command prints). A verb runs in one store write, like on PostgreSQL; after
/// it the outbox and the event processor are woken, so a retried message or event goes at once. Files rather than an
/// HTTP endpoint: only someone who can write the data folder can ask, and no port is opened for it.
/// </summary>
public sealed class StoreRequests(StoreFile file, IStoreGate gate, StoreBackup backup, IEnumerable<IStoreVerb> verbs, OutboxSignal outbox,
    SlackEventInbox events, TimeProvider time, ILogger<StoreRequests> logger) : BackgroundService
{
    public const string Backup = "backup";

    /// <summary>Real time on purpose: this is how quickly a waiting command is served, not a business clock.</summary>
    private static readonly TimeSpan Poll = TimeSpan.FromSeconds(1);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static string RequestPath(string dataFile, string id) => $"{dataFile}.request-{id}";

    public static string AnswerPath(string dataFile, string id) => $"{dataFile}.answer-{id}";

    /// <summary>
    /// Asks the bot running on <paramref name="dataFile"/> to run <paramref name="verb"/>; null when it did not answer
    /// within <paramref name="wait"/> (the request is withdrawn then).
    /// </summary>
    public static StoreAnswer? Ask(string dataFile, string verb, IReadOnlyList<string> args, TimeSpan wait)
    {
        var id = Guid.NewGuid().ToString("N");
        var request = RequestPath(dataFile, id);
        var answer = AnswerPath(dataFile, id);
        Publish(request, JsonSerializer.Serialize(new StoreRequest(verb, args), Json));
        var deadline = DateTime.UtcNow + wait;
        while (DateTime.UtcNow < deadline)
        {
            if (File.Exists(answer))
            {
                var text = File.ReadAllText(answer);
                File.Delete(answer);
                return JsonSerializer.Deserialize<StoreAnswer>(text, Json);
            }
            Thread.Sleep(100);
        }
        File.Delete(request);
        return null;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (file.Path is not { } dataFile)
            return;
        using var timer = new PeriodicTimer(Poll);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            foreach (var request in Pending(dataFile))
                Serve(dataFile, request);
        }
    }

    private static List<string> Pending(string dataFile)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(dataFile))!;
        var prefix = Path.GetFileName(dataFile) + ".request-";
        return Directory.EnumerateFiles(folder, prefix + "*").Where(f => !f.EndsWith(".tmp", StringComparison.Ordinal)).Order().ToList();
    }

    private void Serve(string dataFile, string requestFile)
    {
        var id = Path.GetFileName(requestFile)[(Path.GetFileName(dataFile).Length + ".request-".Length)..];
        StoreAnswer answer;
        try
        {
            var request = JsonSerializer.Deserialize<StoreRequest>(File.ReadAllText(requestFile), Json)
                          ?? throw new JsonException("an empty request");
            answer = Run(dataFile, request);
        }
        catch (Exception e) when (e is IOException or JsonException or UnauthorizedAccessException)
        {
            logger.LogError(e, "Could not read the command-line request {File}", requestFile);
            answer = new StoreAnswer(2, $"The bot could not read the request: {e.Message}\n");
        }
        try
        {
            Publish(AnswerPath(dataFile, id), JsonSerializer.Serialize(answer, Json));
            File.Delete(requestFile);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            logger.LogError(e, "Could not answer the command-line request {File}", requestFile);
        }
    }

    private StoreAnswer Run(string dataFile, StoreRequest request)
    {
        if (request.Verb == Backup)
            return RunBackup(dataFile, request.Args);
        if (verbs.FirstOrDefault(v => v.Name == request.Verb) is not { } verb)
            return new StoreAnswer(2, $"The running bot knows no verb '{request.Verb}'.\n");
        try
        {
            var now = time.GetUtcNow().UtcDateTime;
            var answer = gate.Write(s =>
            {
                using var output = new StringWriter();
                return new StoreAnswer(verb.Run(s, request.Args, now, output), output.ToString());
            });
            logger.LogInformation("Ran `{Verb} {Args}` for the command line: exit code {Exit}", request.Verb, string.Join(' ', request.Args), answer.Exit);
            // whatever the verb put back in line (set-aside messages, dead-lettered events) goes now, not on the next timer
            outbox.NotifyRescan(); // a retried message keeps its old id
            events.Notify();
            return answer;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "`{Verb}` from the command line failed", request.Verb);
            return new StoreAnswer(1, $"The running bot could not run it: {e.Message}\n");
        }
    }

    private StoreAnswer RunBackup(string dataFile, IReadOnlyList<string> args)
    {
        if (args is not [var target])
            return new StoreAnswer(2, "Usage: backup <file>\n");
        try
        {
            backup.CopyTo(target);
            return new StoreAnswer(0, $"Backed up {dataFile} to {target} (taken by the running bot).\n");
        }
        catch (Exception e)
        {
            logger.LogError(e, "A requested backup failed");
            return new StoreAnswer(1, $"Backup failed: {e.Message}\n");
        }
    }

    /// <summary>Written whole, then renamed: the other side never reads half a file.</summary>
    private static void Publish(string path, string text)
    {
        File.WriteAllText(path + ".tmp", text);
        File.Move(path + ".tmp", path, overwrite: true);
    }
}
