using SupportBot.Email;
using SupportBot.Intake.GitHub;
using SupportBot.Outbox;
using SupportBot.Slack.Blocks;

namespace SupportBot.Tickets;

/// <summary>
/// The one place that says something to a ticket's customer (acknowledgement, accountability, hand-off, resolution,
/// follow-ups), wherever the customer asked: a reply in the Slack thread, a mail in the email thread, a comment on
/// the GitHub issue, or nothing for a ticket with no customer to tell (an OpsGenie incident). The features that
/// speak to customers never need to know where the customer asked.
/// </summary>
public static class CustomerMessages
{
    /// <summary>The message to <c>set.Send</c>; null when there is nobody to tell.</summary>
    public static OutboxMessage? Tell(Ticket ticket, string text)
    {
        var message = ticket.Talks switch
        {
            ConversationKind.Email => OutgoingMail.Reply(ticket, CustomerText.Plain(ticket, text)),
            ConversationKind.GitHub => GitHubComments.Comment(ticket, CustomerText.Plain(ticket, text)),
            ConversationKind.None => null,
            _ => SlackThread(ticket, text),
        };
        if (message is not null)
            message.TicketNumber = ticket.Number;
        return message;
    }

    private static OutboxMessage SlackThread(Ticket ticket, string text)
    {
        var message = OutboxMessages.Post(ticket.ChannelId, new SlackMessage(text), ticket.ThreadTs);
        message.Target = OutboxTarget.TicketThread;
        return message;
    }
}
