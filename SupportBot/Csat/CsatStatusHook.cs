using SupportBot.Outbox;
using Microsoft.Extensions.Options;
using SupportBot.Tickets;
using SupportBot.Tickets.Status;

namespace SupportBot.Csat;

/// <summary>
/// A customer ticket just solved asks its requester for a rating, in its conversation and after the "solved"
/// message. Tasks have no customer, and a ticket already rated is not asked again.
/// </summary>
public sealed class CsatStatusHook(IOptions<CsatOptions> options, CustomerMessages customerMessages) : IStatusChangedHook
{
    public void OnStatusChanged(TicketChangeSet set, Ticket ticket, TicketStatus from)
    {
        if (!options.Value.Enabled || ticket.IsTask || ticket.Csat is not null)
            return;
        if (ticket.Status != TicketStatus.Solved || from == TicketStatus.Solved)
            return;
        set.SendLast(customerMessages.Tell(ticket, CsatQuestion.Build(ticket), OutboxPurposes.Csat));
    }
}
