using SupportBot.Outbox;
using Microsoft.Extensions.Options;
using SupportBot.Csat.Links;
using SupportBot.Tickets;
using SupportBot.Tickets.Status;

namespace SupportBot.Csat;

/// <summary>
/// A customer ticket just solved asks its requester for a rating, in its conversation and after the "solved"
/// message: buttons in Slack, signed links by mail and on GitHub (none there without a public address to link to). Tasks have no customer, and a ticket already rated
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
        if (ticket.Talks == ConversationKind.Slack)
        {
            set.SendLast(customerMessages.Tell(ticket, CsatQuestion.Build(ticket), OutboxPurposes.Csat));
            return;
        }
        // without Dashboard:PublicUrl a mail or GitHub customer has nothing to click, and an answer by reply would
        // reopen the solved ticket: better no question than one that cannot be answered
        if (links.Build(ticket) is { } question)
            set.SendLast(customerMessages.Tell(ticket, question, OutboxPurposes.Csat));
    }
}
