using SupportBot.Slack;

namespace SupportBot.Tickets;

/// <summary>How tags and ticket references are written wherever a ticket is shown in Slack.</summary>
public static class TicketTags
{
    /// <summary>"billing, sso": tags are stored lower case and sorted.</summary>
    public static string Shown(Ticket ticket) => Shown(ticket.Tags);

    public static string Shown(IEnumerable<string> tags) => SlackText.Escape(string.Join(", ", tags));

    /// <summary>"#12, #15".</summary>
    public static string Numbers(IEnumerable<int> numbers) => string.Join(", ", numbers.Select(n => $"#{n}"));
}
