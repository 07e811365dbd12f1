using Microsoft.Extensions.Options;
using SupportBot.Metrics;
using SupportBot.Outbox;
using SupportBot.Slack;
using SupportBot.Slack.Blocks;

namespace SupportBot.Tickets.Take;

/// <summary>
/// Accountability (seed step 6): an engineer takes a ticket, the customer hears who will help in their thread,
/// the CE is looped in, and the triage card shows the holder. A held ticket changes hands only with force.
/// </summary>
public sealed class TicketTaker(TicketStore store, IOptions<SlackOptions> slack, ILogger<TicketTaker> logger, SupportBotMetrics metrics, CustomerMessages customerMessages)
{
    public IReadOnlyList<TakeOutcome> Take(IEnumerable<int> numbers, string engineerId, bool force) =>
        store.Change(set => numbers.Distinct().Select(n => TakeOne(set, n, engineerId, force)).ToList());

    /// <summary>The next waiting ticket: unassigned, not done, earliest first-response deadline, then oldest.</summary>
    public TakeOutcome? TakeNext(string engineerId) => store.Change(set =>
    {
        var next = store.Unassigned().OrderBy(t => t.FirstResponseDueAt ?? DateTime.MaxValue).ThenBy(t => t.CreatedAt).ThenBy(t => t.Number).FirstOrDefault();
        return next is null ? null : TakeOne(set, next.Number, engineerId, force: false);
    });

    /// <summary>Every unassigned open ticket of a customer channel (seed step 6.2).</summary>
    public IReadOnlyList<TakeOutcome> TakeAllInChannel(string channelId, string engineerId) => store.Change(set =>
        store.Unassigned(channelId).OrderBy(t => t.Number).Select(t => TakeOne(set, t.Number, engineerId, force: false)).ToList());

    private TakeOutcome TakeOne(TicketChangeSet set, int number, string engineerId, bool force)
    {
        var ticket = set.Find(number);
        if (ticket is null)
            return new(number, false, $"I can't find ticket #{number}.");
        if (ticket.Status.IsDone())
            return new(number, false, $"#{number} is {ticket.Status.Display()}; nothing to take." +
                (ticket.Status == TicketStatus.Solved ? $" Reopen it with `{slack.Value.Commands.Status} {number} open` first." : ""));
        if (ticket.AssigneeId == engineerId)
            return new(number, false, $"#{number} is already yours.", ticket);
        var previous = ticket.AssigneeId;
        if (previous is not null && !force)
            return new(number, false, $"#{number} is held by {SlackText.User(previous)}. To take it over, use " +
                $"`{slack.Value.Commands.Take} {number} force` (I'll let {SlackText.User(previous)} know).", ticket);

        ticket.AssigneeId = engineerId;
        ticket.History.Add(new TicketHistoryEntry
        {
            At = set.Now, ActorId = engineerId,
            What = previous is null ? "Took the ticket" : $"Took the ticket over from {SlackText.User(previous)}",
        });
        EndOffer(ticket, set.Now);
        set.Update(ticket);
        set.AfterCommit(previous is null
            ? () => logger.LogInformation("Ticket #{Number} taken by {Engineer}", number, engineerId)
            : () => logger.LogInformation("Ticket #{Number} handed over from {Previous} to {Engineer}", number, previous, engineerId));
        set.AfterCommit(metrics.TicketTaken);

        var announcement = customerMessages.Tell(ticket, AccountabilityReply(ticket, previous), OutboxPurposes.Accountability, engineerId);
        set.Send(announcement);
        set.Send(CeLoopIn(ticket, announcement));
        set.Send(TriageUpdate(ticket, slack.Value.SupportChannel));
        if (previous is not null)
            set.Send(OutboxMessages.DirectMessage(previous, new SlackMessage(
                $"{SlackText.User(engineerId)} took over #{ticket.Number} _{SlackText.Escape(ticket.Subject)}_ from you.")));
        return new(number, true, $"You took *#{number}* _{SlackText.Escape(ticket.Subject)}_.{UndeliveredWarning.For(set.Session, ticket)}", ticket);
    }

    /// <summary>A standing rotation offer ends with any take: the rotation's sweep updates its DM at once (its next tick).</summary>
    public static void EndOffer(Ticket ticket, DateTime now)
    {
        if (ticket.OfferDueAt is not null)
            ticket.OfferDueAt = now;
    }

    /// <summary>What the customer's thread hears when someone takes or is handed the ticket.</summary>
    public static string AccountabilityReply(Ticket ticket, string? previous)
    {
        var who = SlackText.User(ticket.AssigneeId!);
        var text = previous is null
            ? $"{who} will help you with this. I need a few minutes to dig in and then I'll share my thoughts or questions."
            : $"{who} is taking over this request from {SlackText.User(previous)} and will help you from here.";
        // in the customer's own Slack channel the CE is one of the people there: the seed signals accountability to both
        if (ticket.CeId is not null && ticket.Via is null)
            text += $" Looping in {SlackText.User(ticket.CeId)}, your CE.";
        return text;
    }

    /// <summary>
    /// For a ticket by mail or GitHub the CE hears who helps by DM: a Slack mention means nothing in a mail or an issue
    /// comment, and which CE an account has is the team's business there. In Slack the reply loops them in itself.
    /// </summary>
    /// <remarks>Queued behind <paramref name="announcement"/>, so the thread it links to already says who helps.</remarks>
    public static OutboxMessage? CeLoopIn(Ticket ticket, OutboxMessage? announcement)
    {
        if (ticket.CeId is not { } ce || ticket.Via is null || ticket.IsTask || ticket.AssigneeId is not { } helper)
            return null;
        var thread = TicketLinks.Thread(ticket) is { } link ? $" {SlackText.Link(link, "The customer's thread")}." : "";
        var dm = OutboxMessages.DirectMessage(ce, new SlackMessage(
            $"{SlackText.User(helper)} is helping {SlackText.Escape(ticket.CustomerName ?? "your customer")} with #{ticket.Number} " +
            $"_{SlackText.Escape(ticket.Subject)}_; you are their CE.{thread}"));
        if (announcement is not null)
            dm.Lane = announcement.Lane;
        return dm;
    }

    /// <summary>The triage card's refresh; null for a Task, which has no card (its ticket's card counts it).</summary>
    public static OutboxMessage? TriageUpdate(Ticket ticket, string supportChannel)
    {
        if (ticket.IsTask)
            return null;
        var message = OutboxMessages.Post(supportChannel, TriageCard.Build(ticket));
        message.TicketNumber = ticket.Number;
        message.Target = OutboxTarget.TriageCard;
        message.Purpose = OutboxPurposes.TriageCard;
        return message;
    }
}
