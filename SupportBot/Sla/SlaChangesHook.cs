using SupportBot.Tickets;

namespace SupportBot.Sla;

/// <summary>
/// Keeps every changed ticket's clocks current in the same commit: a customer's message starts the next-reply clock
/// and a public answer stops it, whichever feature recorded them; a new customer or tier may bring another policy.
/// </summary>
public sealed class SlaChangesHook(FirstResponseClock firstResponse, SlaClocks clocks) : ITicketsChangedHook
{
    public void OnChanging(TicketChangeSet set)
    {
        foreach (var ticket in set.Changed.Distinct().ToList())
        {
            if (ticket.IsTask)
                continue;
            var restamped = !firstResponse.IsCurrent(ticket);
            if (restamped)
                firstResponse.Stamp(ticket, set.Now);
            // written again only when a clock moved: most changes (a note, a take) leave them as they were
            if (clocks.Refresh(ticket, set.Now) || restamped)
                set.Session.Tickets.Update(ticket);
        }
    }
}
