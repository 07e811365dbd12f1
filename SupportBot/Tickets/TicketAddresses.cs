using SupportBot.Outbox;

namespace SupportBot.Tickets;

/// <summary>The outbox's view of tickets: where their messages go, and the ts of the posts that start threads.</summary>
public sealed class TicketAddresses(TicketStore tickets, ITicketPages? pages = null) : ITicketAddresses
{
    public TicketAddress? Find(int ticketNumber) =>
        tickets.Find(ticketNumber) is { } t ? new TicketAddress(t.Number, t.ChannelId, t.ThreadTs, t.TriageTs, pages?.Url(t.Number)) : null;

    public void RememberAndRetire(OutboxMessage message, int ticketNumber, OutboxRecord record, string ts, string? channel) => tickets.Change(set =>
    {
        set.Session.Outbox.Delete(message.Id);
        var ticket = set.Find(ticketNumber);
        if (ticket is null)
            return false;
        switch (record)
        {
            case OutboxRecord.TicketThread:
                ticket.ThreadTs ??= ts;
                break;
            case OutboxRecord.TriageCard:
                ticket.TriageTs ??= ts;
                break;
            case OutboxRecord.Escalation:
                // posts to one channel go out in queue order, so the oldest unanswered escalation is this one
                if (ticket.Escalations.Find(e => e.Ts is null && e.ChannelId == message.Lane) is { } escalation)
                    escalation.Ts = ts;
                break;
            case OutboxRecord.RotationOffer:
                // the DM was posted to the user id (its lane); an offer made since to someone else is not this one
                if (ticket.Offer is { } offer && offer.UserId == message.Lane && offer.Ts is null)
                    (offer.Ts, offer.Channel) = (ts, channel ?? message.Lane);
                break;
        }
        set.Update(ticket);
        return true;
    });
}
