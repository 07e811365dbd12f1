using SupportBot.Outbox;
using Microsoft.Extensions.Options;
using SupportBot.Csat.Links;
using SupportBot.Tickets;
using SupportBot.Tickets.Status;

namespace SupportBot.Csat;

/// <summary>
/// A customer ticket just solved asks its requester for a rating, in its conversation and after the "solved"
/// message: buttons in Slack, signed links by mail and on GitHub. Tasks have no customer, and a ticket already rated
/// is not asked again.
/// </summary>
public sealed class CsatStatusHook(IOptions<CsatOptions> options, CustomerMessages customerMessages, CsatLinkQuestion links)
    : IStatusChangedHook
{
    public void OnStatusChanged(TicketChangeSet set, Ticket ticket, TicketStatus from)
    {
        if (!options.Value.Enabled || ticket.IsTask || ticket.Csat is not null)
            return;
        if (ticket.Status != TicketStatus.Solved || from == TicketStatus.Solved)
            return;
        var question = ticket.Talks == ConversationKind.Slack ? null : links.Build(ticket);
        set.SendLast(customerMessages.Tell(ticket, question ?? CsatQuestion.Build(ticket), OutboxPurposes.Csat));
    }
}
