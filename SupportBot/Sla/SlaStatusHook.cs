using SupportBot.Tickets;
using SupportBot.Tickets.Status;

namespace SupportBot.Sla;

/// <summary>Arms and disarms the SLA clocks in the same commit as a status change.</summary>
public sealed class SlaStatusHook(SlaClocks clocks, PendingClock pending, SlaPolicy policy) : IStatusChangedHook
{
    public void OnStatusChanged(TicketChangeSet set, Ticket ticket, TicketStatus from)
    {
        // a status change by the team records the first response before hooks run; this stops its reminders, pauses
        // or resumes the resolution clock, and ends a next-reply wait when the ticket is solved
        clocks.Refresh(ticket, set.Now);

        if (ticket.Status == TicketStatus.Pending && from != TicketStatus.Pending)
            pending.Arm(ticket, set.Now);
        else if (ticket.Status != TicketStatus.Pending)
            PendingClock.Disarm(ticket);

        if (ticket.Status != TicketStatus.Solved)
            ticket.Sla.AutoCloseAt = null;
        else if (from != TicketStatus.Solved)
            ticket.Sla.AutoCloseAt = set.Now + policy.Options.SolvedAutoCloseAfter;
    }
}
