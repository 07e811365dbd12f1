using Microsoft.Extensions.Options;
using SupportBot.Outbox;
using SupportBot.Slack;
using SupportBot.Slack.Blocks;
using SupportBot.Storage;

namespace SupportBot.Tickets;

/// <summary>
/// Tells the team where it works that the bot owes a message it could not deliver: a reply under the ticket's triage
/// card (a post in #customer-support without a ticket), and a DM to the engineer whose action queued it. One notice
/// per ticket and cause: ten posts refused because the bot left #acme make one notice, not ten.
/// </summary>
public sealed class UndeliveredNotices(IOptions<SlackOptions> slack) : IUndeliveredNotices
{
    public void Queue(IStoreSession session, OutboxMessage message, string reason, DateTime now)
    {
        // with the token refused no notice could be posted either, and once it works the message itself goes out:
        // /health (503, naming the token) is how people learn of it
        if (message.Cause == OutboxCauses.SlackAuth)
            return;
        if (message.Cause is { } cause && session.Outbox.SetAside().Any(m =>
                m.Id != message.Id && m.Cause == cause && m.TicketNumber == message.TicketNumber && m.Purpose != OutboxPurposes.Notice))
            return; // already told for this ticket and cause
        var supportChannel = slack.Value.SupportChannel;
        var ticket = message.TicketNumber is { } number ? session.Tickets.Find(number) : null;
        var text = Text(message, ticket, reason);
        if (message.Lane != supportChannel)
        {
            var notice = ticket is null ? OutboxMessages.Post(supportChannel, new SlackMessage(text)) : TriageThread.Post(supportChannel, ticket, text);
            OutboxStore.Enqueue(session, Mark(notice), now);
        }
        if (message.RequestedBy is { Length: > 0 } engineer && engineer != message.Lane)
            OutboxStore.Enqueue(session, Mark(OutboxMessages.DirectMessage(engineer, new SlackMessage(text))), now);
    }

    public static string Text(OutboxMessage message, Ticket? ticket, string reason)
    {
        var what = message.Purpose ?? (message.Method == "chat.postMessage" ? "a message" : $"a {message.Method} call");
        var about = ticket is null ? "" : $" for #{ticket.Number} {SlackText.Escape(SlackText.FirstLine(ticket.Subject, 80))}";
        return $":warning: Not delivered{about}: {what}. {Capital(reason)}. " +
               $"It is kept: the dashboard's Undelivered page retries it (outbox #{message.Id}).";
    }

    private static OutboxMessage Mark(OutboxMessage notice)
    {
        notice.Purpose = OutboxPurposes.Notice;
        return notice;
    }

    private static string Capital(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
