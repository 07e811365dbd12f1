using SupportBot.Outbox;
using SupportBot.Slack;
using SupportBot.Slack.Blocks;

namespace SupportBot.Tickets;

/// <summary>
/// The thread under a ticket's triage card in #customer-support: for a customer who talks outside Slack (mail,
/// GitHub, a form) it mirrors what they said, escaped, so the team reads the conversation where it works.
/// </summary>
public static class TriageThread
{
    public const int MaxMirrored = 2900;

    public static OutboxMessage Post(string supportChannel, Ticket ticket, string mrkdwn) =>
        Post(supportChannel, ticket, new SlackMessage(mrkdwn));

    /// <summary>A message with blocks (a button) under the triage card.</summary>
    public static OutboxMessage Post(string supportChannel, Ticket ticket, SlackMessage body)
    {
        var message = OutboxMessages.Post(supportChannel, body);
        message.TicketNumber = ticket.Number;
        message.Target = OutboxTarget.TriageThread;
        return message;
    }

    /// <summary>What was said, quoted under who said it (mrkdwn; the requester by default).</summary>
    public static string Mirror(Ticket ticket, string text, string? authorMrkdwn = null) =>
        $"*{authorMrkdwn ?? SlackText.Escape(TicketPeople.Requester(ticket))}* ({TicketPeople.Where(ticket)}):\n" +
        string.Join('\n', SlackText.Quote(text.Trim(), MaxMirrored).Split('\n').Select(l => "> " + l));
}
