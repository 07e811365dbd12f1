using Microsoft.Extensions.Options;
using SupportBot.Outbox;
using SupportBot.Slack;
using SupportBot.Slack.Blocks;

namespace SupportBot.Tickets.Take;

/// <summary>
/// <c>/take 12 @alice customer is in Europe</c>: the case-transition of seed step 4. The new holder gets a DM with the
/// ticket's context and the note, the previous holder is told, the customer's thread hears who helps now.
/// Only a support engineer can be handed a ticket.
/// </summary>
public sealed class TicketHandOff(TicketStore store, TakeSummary summary, SupportTeam team, IOptions<SlackOptions> slack, CustomerMessages customerMessages,
    IEnumerable<IHandOffLines> extras)
{
    public string HandOff(IReadOnlyList<int> numbers, string actorId, string toId, string? note)
    {
        var take = slack.Value.Commands.Take;
        if (numbers.Count == 0)
            return $"Name the ticket to hand over: `{take} 12 @person a note for them`.";
        if (!team.IsMember(toId))
            return $"{SlackText.User(toId)} is not on the support team, so I can't hand them a ticket. Nothing changed.";
        return store.Change(set => string.Join("\n", numbers.Distinct().Select(n => HandOne(set, n, actorId, toId, note))));
    }

    private string HandOne(TicketChangeSet set, int number, string actorId, string toId, string? note)
    {
        var ticket = set.Find(number);
        if (ticket is null)
            return $"I can't find ticket #{number}.";
        if (ticket.Status.IsDone())
            return $"#{number} is {ticket.Status.Display()}; there is nothing to hand over.";
        if (ticket.AssigneeId == toId)
            return $"#{number} is already held by {SlackText.User(toId)}.";
        var previous = ticket.AssigneeId;
        ticket.AssigneeId = toId;
        TicketTaker.EndOffer(ticket, set.Now);
        ticket.History.Add(new TicketHistoryEntry
        {
            At = set.Now, ActorId = actorId,
            What = $"Handed {(previous is null ? "" : $"from {previous} ")}to {toId}{(note is null ? "" : $": {note}")}",
        });
        set.Update(ticket);

        var dm = OutboxMessages.DirectMessage(toId, new SlackMessage(NewHolderMessage(ticket, actorId, note)));
        var announcement = customerMessages.Tell(ticket, TicketTaker.AccountabilityReply(ticket, previous), OutboxPurposes.Accountability, actorId);
        set.Send(announcement);
        set.Send(TicketTaker.CeLoopIn(ticket, announcement));
        set.Send(TicketTaker.TriageUpdate(ticket, slack.Value.SupportChannel));
        // the DM links to the customer's thread: queued behind the announcement, so the thread already says who helps
        if (announcement is not null)
            dm.Lane = announcement.Lane;
        set.Send(dm);
        if (previous is not null && previous != actorId)
            set.Send(OutboxMessages.DirectMessage(previous, new SlackMessage(
                $"{SlackText.User(actorId)} handed #{number} _{SlackText.Escape(ticket.Subject)}_ from you to {SlackText.User(toId)}.")));
        var told = previous is null || previous == actorId ? "" : $" {SlackText.User(previous)} was told.";
        var customer = ticket.IsTask ? "" : " The customer's thread hears who helps now.";
        return $"You handed *#{number}* _{SlackText.Escape(ticket.Subject)}_ to {SlackText.User(toId)}; I sent them its context" +
               $"{(note is null ? "" : " and your note")}.{told}{customer}";
    }

    private string NewHolderMessage(Ticket ticket, string actorId, string? note)
    {
        var head = $"{SlackText.User(actorId)} handed you *#{ticket.Number}* _{SlackText.Escape(ticket.Subject)}_" +
                   $" ({(ticket.IsTask ? $"a Task of #{ticket.TaskOf}" : ticket.Status.Display())}).";
        var said = note is null ? "" : $"\n> {SlackText.Escape(note).Replace("\n", "\n> ", StringComparison.Ordinal)}";
        var more = string.Concat(extras.Select(e => e.Line(ticket)).OfType<string>().Select(line => "\n" + line));
        return $"{head}{said}\n{summary.Context(ticket).TrimEnd()}\n`{slack.Value.Commands.Status} {ticket.Number}` shows its notes and history.{more}";
    }
}
