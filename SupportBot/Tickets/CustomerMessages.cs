using SupportBot.Outbox;
using SupportBot.Slack.Blocks;

namespace SupportBot.Tickets;

/// <summary>
/// The one place that says something to a ticket's customer (accountability, hand-off, resolution, follow-ups).
/// Today every conversation is a Slack thread; other sources add their way of telling the customer here, so the
/// features that speak to customers never need to know where the customer asked.
/// </summary>
public static class CustomerMessages
{
    public static OutboxMessage Tell(Ticket ticket, string text) => Tell(ticket, new SlackMessage(text));

    /// <summary>A message with blocks (buttons for the customer); <see cref="SlackMessage.Text"/> stays the plain fallback.</summary>
    public static OutboxMessage Tell(Ticket ticket, SlackMessage said)
    {
        var message = OutboxMessages.Post(ticket.ChannelId, said, ticket.ThreadTs);
        message.TicketNumber = ticket.Number;
        message.Target = OutboxTarget.TicketThread;
        return message;
    }
}
