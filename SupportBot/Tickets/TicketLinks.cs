namespace SupportBot.Tickets;

/// <summary>Links to a ticket's Slack messages; slack.com/archives redirects into the workspace.</summary>
public static class TicketLinks
{
    public static string? Thread(Ticket ticket) =>
        ticket.ThreadTs is null ? null : Message(ticket.ChannelId, ticket.ThreadTs);

    public static string Message(string channelId, string ts) =>
        $"https://slack.com/archives/{channelId}/p{ts.Replace(".", "", StringComparison.Ordinal)}";
}
