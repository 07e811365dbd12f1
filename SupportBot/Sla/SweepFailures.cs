using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using SupportBot.Outbox;
using SupportBot.Slack;
using SupportBot.Slack.Blocks;
using SupportBot.Tickets;

namespace SupportBot.Sla;

/// <summary>
/// Due tickets a sweep could not act on. One such ticket used to roll back its whole batch on every scan, so no other
/// due ticket was ever acted on and only a log line said so. It is now left out of that clock's sweeps until the bot
/// restarts or the ticket changes, and the support channel is told once.
/// </summary>
public sealed class SweepFailures(TicketStore store, IOptions<SlackOptions> slack, ILogger<SweepFailures> logger)
{
    // the ticket's UpdatedAt when it failed: a change since (someone fixed it, or moved it on) gives it another try
    private readonly ConcurrentDictionary<(SlaClock, int), DateTime> _failed = new();

    public bool LeftOut(SlaClock clock, Ticket ticket) =>
        _failed.TryGetValue((clock, ticket.Number), out var at) && at == ticket.UpdatedAt;

    /// <param name="storedUpdatedAt">The ticket's UpdatedAt as read, before the failed act touched it.</param>
    public void Failed(SlaClock clock, int number, DateTime storedUpdatedAt, Exception error)
    {
        var first = !_failed.ContainsKey((clock, number));
        _failed[(clock, number)] = storedUpdatedAt;
        logger.LogError(error, "The {Clock} sweep could not act on ticket #{Number}; it is left out of the sweep", clock, number);
        if (!first)
            return;
        var text = $":warning: The {Describe(clock)} job could not act on #{number} ({error.GetType().Name}: " +
            $"{SlackText.Escape(error.Message)}), so it was left out; the other due tickets were handled. It gets another " +
            "try when it changes or the bot restarts.";
        try
        {
            store.Change(set =>
            {
                set.Send(OutboxMessages.Post(slack.Value.SupportChannel, new SlackMessage(text)));
                return 0;
            });
        }
        catch (Exception e) when (Storage.StoreFailures.IsWriteFailure(e))
        {
            logger.LogError("Could not queue the notice about ticket #{Number} ({Error})", number, e.Message);
        }
    }

    private static string Describe(SlaClock clock) => clock switch
    {
        SlaClock.NextCheck => "SLA reminder",
        SlaClock.PendingNext => "Pending follow-up",
        SlaClock.AutoClose => "auto-close",
        _ => "rotation offer",
    };
}
