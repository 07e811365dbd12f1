using SupportBot.Metrics;
using SupportBot.Tickets.Status;

namespace SupportBot.Tickets;

/// <summary>Counts solved tickets (by resolution path) and first responses as status changes commit.</summary>
public sealed class TicketMetricsHook(SupportBotMetrics metrics) : IStatusChangedHook
{
    public void OnStatusChanged(TicketChangeSet set, Ticket ticket, TicketStatus from)
    {
        if (ticket.Status == TicketStatus.Solved && from != TicketStatus.Solved)
            set.AfterCommit(() => metrics.TicketSolved(ticket.Resolution?.Path.ToString()));
        // the first response is stamped just before the change that moves a ticket out of New (a team reply or status)
        if (from == TicketStatus.New && ticket.FirstResponseAt is { } first && first == set.Now)
            set.AfterCommit(() => metrics.FirstResponse(first - ticket.CreatedAt));
    }
}
