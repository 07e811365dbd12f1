using System.Globalization;
using SupportBot.Storage;
using SupportBot.Slack.Events;

namespace SupportBot.Slack.DeadLetters;

/// <summary>
/// <c>deadletters list</c> and <c>deadletters retry ID|all</c>. An event goes back to the inbox and is handled on the
/// next start; an interaction cannot be replayed (its trigger and response URL expired), so it is listed for a person to redo.
/// </summary>
public sealed class DeadLetterCli : IStoreVerb
{
    public string Name => "deadletters";

    public int Run(IStoreSession store, IReadOnlyList<string> args, DateTime now, TextWriter output)
    {
        switch (args)
        {
            case ["list"] or []:
                var letters = store.DeadLetters.All();
                output.WriteLine($"{letters.Count} dead letter(s).");
                foreach (var l in letters)
                    output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"  #{l.Id} {l.Kind} {l.Type} {l.SourceId} at {l.At:yyyy-MM-dd HH:mm} UTC: {l.Reason}"));
                return 0;
            case ["retry", "all"]:
                return Retry(store, null, now, output);
            case ["retry", var id] when long.TryParse(id.TrimStart('#'), NumberStyles.None, CultureInfo.InvariantCulture, out var number):
                return Retry(store, number, now, output);
            default:
                output.WriteLine("Usage: deadletters list | deadletters retry ID | deadletters retry all");
                return 2;
        }
    }

    private static int Retry(IStoreSession store, long? id, DateTime now, TextWriter output)
    {
        var chosen = store.DeadLetters.All().Where(l => id is null || l.Id == id).ToList();
        if (chosen.Count == 0)
        {
            output.WriteLine(id is null ? "No dead letters." : $"No dead letter #{id}; `deadletters list` shows them.");
            return id is null ? 0 : 1;
        }
        foreach (var letter in chosen)
        {
            if (letter.Kind != DeadLetterKind.Event)
            {
                output.WriteLine($"#{letter.Id} is an interaction ({letter.Type}); Slack's trigger has expired, so ask the person to do it again.");
                continue;
            }
            SlackEventInbox.Requeue(store, letter.SourceId, letter.Type, letter.Json, now);
            store.DeadLetters.Delete(letter.Id);
            output.WriteLine($"#{letter.Id} (event {letter.SourceId}) is back in the inbox; the running bot handles it right away (a stopped bot, when it starts).");
        }
        return 0;
    }
}
