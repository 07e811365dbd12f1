using SupportBot.Outbox;
using Microsoft.Extensions.Options;
using SupportBot.Slack;
using SupportBot.Tickets.Resolution;
using SupportBot.Tickets.Take;

namespace SupportBot.Tickets.Status;

/// <summary>Moves a ticket through its lifecycle, with the workflow's side effects.</summary>
public sealed class StatusChanger(TicketStore store, IOptions<SlackOptions> slack, IEnumerable<IStatusChangedHook> hooks,
    ILogger<StatusChanger> logger, CustomerMessages customerMessages)
{
    /// <summary>Returns what to tell the person who asked.</summary>
    /// <param name="alongside">Runs in the same transaction once the change is allowed, before it is applied (a resolution, a link).</param>
    public string Change(int number, TicketStatus to, string actorId, string? note, bool actorIsTeam,
        Action<TicketChangeSet, Ticket>? alongside = null) => store.Change(set =>
    {
        var ticket = set.Find(number);
        if (ticket is null)
            return $"I can't find ticket #{number}.";
        if (ticket.IsTask && to is TicketStatus.Pending or TicketStatus.OnHold)
            return $"#{number} is a Task: it goes Open → Solved or Closed, with no customer to wait for.";
        // a Task may also be dropped straight from Open to Closed: nobody has to confirm it
        var taskDropped = ticket.IsTask && ticket.Status == TicketStatus.Open && to == TicketStatus.Closed;
        if (!taskDropped && TicketLifecycle.Refusal(ticket.Status, to) is { } why)
        {
            var allowed = string.Join(", ", TicketLifecycle.Allowed(ticket.Status).Select(s => s.Display().ToLowerInvariant()));
            return $"#{number} stays {ticket.Status.Display()}: {why}." +
                   (allowed.Length == 0 ? "" : $" From {ticket.Status.Display()} it can go to: {allowed}.");
        }
        alongside?.Invoke(set, ticket);
        Apply(set, ticket, to, actorId, note, actorIsTeam);
        var assigned = ticket.AssigneeId == actorId && to == TicketStatus.Solved ? " It is assigned to you." : "";
        return $"#{number} is now *{to.Display()}*.{assigned}{OpenTasksReminder(set, ticket, to)}{UndeliveredWarning.For(set.Session, ticket)}";
    });

    /// <summary>Solving with open Tasks is allowed (they must not hold up the case), but they are named so none is forgotten.</summary>
    private static string OpenTasksReminder(TicketChangeSet set, Ticket ticket, TicketStatus to)
    {
        if (to != TicketStatus.Solved || ticket.TaskNumbers.Count == 0)
            return "";
        var open = ticket.TaskNumbers.Select(set.Find).OfType<Ticket>().Where(t => !t.Status.IsDone()).ToList();
        return open.Count == 0 ? ""
            : $" Reminder: its Task{(open.Count == 1 ? "" : "s")} {string.Join(", ", open.Select(t => $"#{t.Number} _{SlackText.Escape(t.Subject)}_ ({t.Status.Display()})"))} " +
              $"{(open.Count == 1 ? "is" : "are")} still open.";
    }

    /// <summary>Changes status inside a caller's transaction; also used by replies and scheduled jobs.</summary>
    public void Apply(TicketChangeSet set, Ticket ticket, TicketStatus to, string? actorId, string? note, bool actorIsTeam)
    {
        var from = ticket.Status;
        ticket.Status = to;
        // the workflow's first response: an engineer moving the ticket on counts, the bot's own reply does not
        if (from == TicketStatus.New && actorIsTeam && ticket.FirstResponseAt is null && !ticket.IsTask)
            ticket.FirstResponseAt = set.Now;
        if (to == TicketStatus.Solved)
        {
            ticket.SolvedAt = set.Now;
            if (ticket.AssigneeId is null && actorIsTeam)
                ticket.AssigneeId = actorId;
        }
        if (to == TicketStatus.Closed)
            ticket.ClosedAt = set.Now;
        ticket.History.Add(new TicketHistoryEntry { At = set.Now, ActorId = actorId, What = StatusHistory.Line(from, to, note) });
        foreach (var hook in hooks)
            hook.OnStatusChanged(set, ticket, from);
        set.Update(ticket);
        var number = ticket.Number;
        set.AfterCommit(() => logger.LogInformation("Ticket #{Number} status changed {From} -> {To} by {Actor}", number, from, to, actorId ?? "the bot"));
        set.Send(TicketTaker.TriageUpdate(ticket, slack.Value.SupportChannel));
        if (to == TicketStatus.Solved && actorIsTeam)
            set.Send(customerMessages.Tell(ticket, ResolutionMessages.ForCustomer(ticket), OutboxPurposes.Resolution, actorId));
    }
}

/// <summary>Lets other features (SLA clocks, pending follow-ups) react to a status change in the same commit.</summary>
public interface IStatusChangedHook
{
    void OnStatusChanged(TicketChangeSet set, Ticket ticket, TicketStatus from);
}
