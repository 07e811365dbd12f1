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

    public static OutboxMessage Post(string supportChannel, Ticket ticket, string mrkdwn)
    {
        var message = OutboxMessages.Post(supportChannel, new SlackMessage(mrkdwn));
        message.TicketNumber = ticket.Number;
        message.Target = OutboxTarget.TriageThread;
        return message;
    }

    /// <summary>What the customer wrote, quoted under who wrote it.</summary>
    public static string Mirror(Ticket ticket, string text, string? author = null) =>
        $"*{SlackText.Escape(author ?? TicketPeople.Requester(ticket))}* ({TicketPeople.Where(ticket)}):\n" +
        string.Join('\n', SlackText.Quote(text.Trim(), MaxMirrored).Split('\n').Select(l => "> " + l));
}
