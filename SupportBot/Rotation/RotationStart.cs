using Microsoft.Extensions.Options;
using SupportBot.Tickets;
using SupportBot.Tickets.Intake;

namespace SupportBot.Rotation;

/// <summary>
/// In rotation mode, marks a new request as owed an offer now. The offer itself is made by <see cref="OfferSweep"/>,
/// after the commit: who is active is a question for Slack, never asked inside a transaction or a request's ack.
/// </summary>
public sealed class RotationStart(IOptions<AssignmentOptions> options) : ITicketCreatedHook
{
    public void OnCreating(Ticket ticket, DateTime now)
    {
        if (options.Value.Rotates && !ticket.IsTask && !ticket.IsAssigned)
            ticket.OfferDueAt = now;
    }
}
