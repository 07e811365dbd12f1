using SupportBot.Tickets;
using SupportBot.Tickets.Status;

using SupportBot.Time;

namespace SupportBot.Sla;

/// <summary>Solved → Closed after Sla:SolvedAutoCloseAfter (calendar time), as the workflow's status table says.</summary>
public sealed class AutoCloseSweep(DueTickets due, StatusChanger changer, SlaPolicy policy) : ISweep
{
    public int Run() => due.ForEach(SlaClock.AutoClose, Act);

    private bool Act(TicketChangeSet set, Ticket ticket)
    {
        if (ticket.Status != TicketStatus.Solved)
        {
            ticket.Sla.AutoCloseAt = null; // reopened without the hook seeing it
            set.Update(ticket);
            return false;
        }
        changer.Apply(set, ticket, TicketStatus.Closed, actorId: null,
            note: $"closed automatically {Durations.Short(policy.Options.SolvedAutoCloseAfter)} after it was solved", actorIsTeam: false);
        return true;
    }
}
