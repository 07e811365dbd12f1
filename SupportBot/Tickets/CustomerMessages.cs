using SupportBot.Outbox;
using SupportBot.Slack.Blocks;

namespace SupportBot.Tickets;

/// <summary>
/// The one place that says something to a ticket's customer (acknowledgement, accountability, hand-off, resolution,
/// follow-ups), wherever the customer asked: a reply in the Slack thread, or through the <see cref="ICustomerChannel"/>
/// of the ticket's conversation (a mail in the email thread, a comment on the GitHub issue), or nothing for a ticket
/// with no customer to tell (an OpsGenie incident). The features that speak to customers never need to know where
/// the customer asked, and this class knows the other channels only by their interface.
/// </summary>
public sealed class CustomerMessages(IEnumerable<ICustomerChannel> channels)
{
    private readonly Dictionary<ConversationKind, ICustomerChannel> _channels = channels.ToDictionary(c => c.Kind);

    /// <summary>
    /// The message to <c>set.Send</c>; null when there is nobody to tell (an incident, or a Task: the team's own to-do,
    /// whose customer hears about the ticket it came from, never about it).
    /// </summary>
    /// <remarks>
    /// <paramref name="purpose"/> names the message for the team's notice if it cannot be delivered;
    /// <paramref name="requestedBy"/> is the engineer whose action it is, told by DM in that case.
    /// </remarks>
    public OutboxMessage? Tell(Ticket ticket, string text, string purpose = OutboxPurposes.CustomerMessage, string? requestedBy = null) =>
        Tell(ticket, new SlackMessage(text), purpose, requestedBy);

    /// <summary>
    /// A message with blocks (buttons for the customer) in Slack; mail and GitHub get its plain
    /// <see cref="SlackMessage.Text"/>.
    /// </summary>
    public OutboxMessage? Tell(Ticket ticket, SlackMessage said, string purpose = OutboxPurposes.CustomerMessage, string? requestedBy = null)
    {
        if (ticket.IsTask)
            return null;
        var message = ticket.Talks switch
        {
            ConversationKind.Slack => SlackThread(ticket, said),
            ConversationKind.None => null,
            var kind when _channels.TryGetValue(kind, out var channel) => channel.Compose(ticket, CustomerText.Plain(ticket, said.Text)),
            // a conversation whose feature is not registered would drop the message silently: say so instead
            var kind => throw new InvalidOperationException($"No customer channel is registered for {kind} conversations (#{ticket.Number})."),
        };
        if (message is not null)
        {
            message.TicketNumber = ticket.Number;
            message.Purpose = purpose;
            message.RequestedBy = requestedBy;
        }
        return message;
    }

    /// <summary>
    /// An engineer's answer to a customer who talks outside Slack, through the conversation's channel; null when there
    /// is nobody to tell. A message set aside names it and reaches the engineer by DM.
    /// </summary>
    public CustomerAnswer? Answer(Ticket ticket, string text, string engineerId)
    {
        if (ticket.IsTask || !_channels.TryGetValue(ticket.Talks, out var channel)
            || channel.Answer(ticket, CustomerText.Plain(ticket, text), engineerId) is not { } answer)
            return null;
        answer.Message.TicketNumber = ticket.Number;
        answer.Message.Purpose = OutboxPurposes.Answer;
        answer.Message.RequestedBy = engineerId;
        return answer;
    }

    private static OutboxMessage SlackThread(Ticket ticket, SlackMessage said)
    {
        var message = OutboxMessages.Post(ticket.ChannelId, said, ticket.ThreadTs);
        message.Target = OutboxTarget.TicketThread;
        return message;
    }
}
