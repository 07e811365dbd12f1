using System.Globalization;
using System.Text.RegularExpressions;
using SupportBot.Slack;
using SupportBot.Tickets;

namespace SupportBot.Macros;

/// <summary>
/// A saved reply's text for one ticket: <c>{requester}</c>, <c>{ticket}</c> and <c>{engineer}</c> filled in, any other
/// <c>{word}</c> left as typed. The result is typed text (unescaped), as an engineer's <c>reply</c> is: in Slack the
/// people are mentions, elsewhere their names, since a mail cannot mention anyone.
/// </summary>
public static partial class MacroText
{
    public static string Fill(string text, Ticket ticket, string engineerId, string? engineerName) =>
        Placeholder().Replace(text, m => m.Groups[1].Value.ToLowerInvariant() switch
        {
            "requester" => Requester(ticket),
            "ticket" => "#" + ticket.Number.ToString(CultureInfo.InvariantCulture),
            _ => ticket.Talks == ConversationKind.Slack ? SlackText.User(engineerId) : engineerName ?? "your support engineer",
        });

    private static string Requester(Ticket ticket) => ticket.Talks == ConversationKind.Slack && ticket.Via is null
        ? SlackText.User(ticket.RequesterId)
        : ticket.RequesterName ?? ticket.Via?.Name ?? TicketPeople.Requester(ticket);

    [GeneratedRegex(@"\{(requester|ticket|engineer)\}", RegexOptions.IgnoreCase)]
    private static partial Regex Placeholder();
}
