using System.Globalization;
using SupportBot.Storage;

namespace SupportBot.Outbox;

/// <summary><c>outbox list</c> and <c>outbox retry ID|all</c>: the messages Slack refused for good, shown and put back in line.</summary>
public sealed class OutboxCli : IStoreVerb
{
    public string Name => "outbox";

    /// <summary>
    /// Run by the running bot (LiteDB) or beside it (PostgreSQL, whose replicas are woken), the outbox delivers them at
    /// once; with the bot stopped, when it starts.
    /// </summary>
    private const string WhenTheyGo = "the running bot delivers at once (a stopped bot, when it starts)";

    public int Run(IStoreSession store, IReadOnlyList<string> args, DateTime now, TextWriter output)
    {
        switch (args)
        {
            case ["list"] or []:
                var aside = store.Outbox.SetAside();
                output.WriteLine($"{aside.Count} message(s) set aside; {store.Outbox.CountPending()} still waiting to be delivered.");
                foreach (var m in aside)
                    output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"  #{m.Id} {m.Method} to {m.Lane}{(m.TicketNumber is { } n ? $" (ticket #{n})" : "")}, {m.Attempts} attempt(s), queued {m.CreatedAt:yyyy-MM-dd HH:mm} UTC: {m.LastError}"));
                return 0;
            case ["retry", "all"]:
                output.WriteLine($"{OutboxStore.Retry(store, (long?)null, now)} message(s) back in the outbox; {WhenTheyGo}.");
                return 0;
            case ["retry", var id] when long.TryParse(id.TrimStart('#'), NumberStyles.None, CultureInfo.InvariantCulture, out var number):
                if (OutboxStore.Retry(store, number, now) == 0)
                {
                    output.WriteLine($"No set-aside message #{number}; `outbox list` shows them.");
                    return 1;
                }
                output.WriteLine($"#{number} is back in the outbox; {WhenTheyGo}.");
                return 0;
            default:
                output.WriteLine("Usage: outbox list | outbox retry ID | outbox retry all");
                return 2;
        }
    }
}
