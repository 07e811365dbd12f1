using SupportBot.Tickets;
using SupportBot.Tickets.Status;

namespace SupportBot.Sla;

/// <summary>Solved → Closed after Sla:SolvedAutoCloseAfter (calendar time), as the workflow's status table says.</summary>
public sealed class AutoCloseSweep(TicketStore store, DueTickets due, StatusChanger changer, SlaPolicy policy,
    TimeProvider time) : ISweep
{
    public int Run()
    {
        var numbers = due.Numbers(DueTickets.AutoClose, time.GetUtcNow().UtcDateTime);
        return numbers.Chunk(DueTickets.BatchSize).Sum(batch => store.Change(set => batch.Count(n => Act(set, n))));
    }

    private bool Act(TicketChangeSet set, int number)
    {
        var ticket = set.Find(number);
        if (ticket?.Sla.AutoCloseAt is not { } at || at > set.Now)
            return false;
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
