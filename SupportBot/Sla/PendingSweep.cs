using SupportBot.Outbox;
using SupportBot.Slack;
using SupportBot.Slack.Blocks;
using SupportBot.Tickets;
using SupportBot.Tickets.Resolution;
using SupportBot.Tickets.Status;
using SupportBot.Tickets.Take;

using SupportBot.Time;

namespace SupportBot.Sla;

/// <summary>
/// Pending tickets whose customer went quiet (seed step 9.3): a couple of follow-ups in the thread, then the ticket
/// counts as solved, the customer learns a reply reopens it, and the assignee gets a note.
/// </summary>
public sealed class PendingSweep(DueTickets due, PendingClock clock, StatusChanger changer, SlaPolicy policy,
    ILogger<PendingSweep> logger, CustomerMessages customerMessages) : ISweep
{
    public int Run() => due.ForEach(SlaClock.PendingNext, Act);

    private bool Act(TicketChangeSet set, Ticket ticket)
    {
        if (ticket.Status != TicketStatus.Pending)
        {
            PendingClock.Disarm(ticket); // left Pending without the hook seeing it; nothing is owed
            set.Update(ticket);
            return false;
        }
        if (ticket.Sla.PendingSince is null)
        {
            // its follow-ups are counted from that instant: without it the clock threw, rolling back the whole batch
            // on every scan. Armed from now, the customer gets the full wait rather than a guess
            clock.Arm(ticket, set.Now);
            set.Update(ticket);
            var armed = ticket.Number;
            set.AfterCommit(() => logger.LogWarning("Ticket #{Number} was Pending without the time it went Pending; its follow-ups now count from now", armed));
            return false;
        }
        if (set.Now >= ticket.Sla.AutoSolveAt)
        {
            AutoSolve(set, ticket);
            return true;
        }
        var sent = clock.TakeDueFollowUps(ticket, set.Now);
        set.Update(ticket);
        if (sent == 0)
            return false;
        set.Send(customerMessages.Tell(ticket, FollowUp(ticket), OutboxPurposes.FollowUp));
        var number = ticket.Number;
        set.AfterCommit(() => logger.LogInformation("Pending follow-up reminder for ticket #{Number} queued to the customer's thread", number));
        return true;
    }

    private void AutoSolve(TicketChangeSet set, Ticket ticket)
    {
        var after = Durations.Short(policy.Options.PendingAutoSolveAfter);
        TicketResolver.Record(set, ticket, new ResolutionChoice(ResolutionPath.NoReply, null, $"no reply within {after}"), actorId: null);
        changer.Apply(set, ticket, TicketStatus.Solved, actorId: null,
            note: $"solved automatically: no reply from the customer within {after} of business time", actorIsTeam: false);
        set.Send(customerMessages.Tell(ticket,
            $"We haven't heard back, so I've marked #{ticket.Number} as solved. If anything is still not right, just reply in this thread and it will reopen."));
        if (ticket.AssigneeId is { } assignee)
            set.Send(OutboxMessages.DirectMessage(assignee, new SlackMessage(
                $"#{ticket.Number} _{SlackText.Escape(ticket.Subject)}_ was solved automatically after {after} of business time in Pending without a reply from the customer.")));
    }

    private string FollowUp(Ticket ticket)
    {
        var hello = $"Hi {SlackText.User(ticket.RequesterId)}, just checking in on #{ticket.Number} _{SlackText.Escape(ticket.Subject)}_:";
        return clock.IsLastFollowUp(ticket)
            ? $"{hello} we haven't heard back yet. If there's nothing more we can do, we'll mark it as solved soon; a reply here reopens it any time."
            : $"{hello} did our last answer help, or is there anything else you can share? Just reply in this thread.";
    }
}
