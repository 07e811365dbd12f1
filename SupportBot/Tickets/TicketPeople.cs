using SupportBot.Slack;

namespace SupportBot.Tickets;

/// <summary>How cards and answers name a ticket's requester and where they asked, whatever the source.</summary>
public static class TicketPeople
{
    /// <summary>The requester as plain text: the Slack name, or the mail/issue author ("Dana &lt;dana@acme.example&gt;").</summary>
    public static string Requester(Ticket ticket)
    {
        var name = ticket.RequesterName ?? ticket.Via?.Name;
        if (ticket.Via?.Address is { } address && address.Contains('@', StringComparison.Ordinal))
            return name is null || name == address ? address : $"{name} <{address}>";
        return name ?? ticket.RequesterId;
    }

    /// <summary>The requester in mrkdwn: a Slack mention for a Slack requester, else the escaped name.</summary>
    public static string RequesterMention(Ticket ticket) =>
        ticket.Via is null ? SlackText.User(ticket.RequesterId) : SlackText.Escape(Requester(ticket));

    /// <summary>Where the customer talks: "customer thread", "email", "GitHub issue", "Discord thread"…, linked when there is a link.</summary>
    public static string Where(Ticket ticket) => ticket.Talks switch
    {
        ConversationKind.Email => $"email to {ticket.Via?.Mailbox ?? "support"}",
        ConversationKind.GitHub => ticket.Via?.Link is { } link ? SlackText.Link(link, $"GitHub issue {ticket.Via.Address}#{ticket.Via.Reference}") : "GitHub issue",
        ConversationKind.Discord => ticket.Via?.Link is { } thread ? SlackText.Link(thread, "Discord thread") : "Discord thread",
        ConversationKind.None => ticket.Via?.Link is { } post ? SlackText.Link(post, "the linked post") : "no customer conversation",
        _ => TicketLinks.Thread(ticket) is { } thread ? SlackText.Link(thread, "customer thread") : SlackText.Channel(ticket.ChannelId),
    };

    public static string Source(TicketSource source) => source switch
    {
        TicketSource.RequestForm => "Request form",
        TicketSource.MessageShortcut => "From a message",
        TicketSource.CommunityHelp => "Community #help post",
        TicketSource.EmojiReaction => "Ticketed by reaction",
        TicketSource.FollowUp => "Reply to a closed ticket",
        TicketSource.GitHub => "GitHub issue",
        TicketSource.OpsGenie => "OpsGenie alert",
        TicketSource.HubSpot => "HubSpot form",
        TicketSource.Webhook => "Webhook",
        TicketSource.Email => "Email",
        TicketSource.Community => "Community post",
        TicketSource.Discord => "Discord",
        _ => source.ToString(),
    };
}
