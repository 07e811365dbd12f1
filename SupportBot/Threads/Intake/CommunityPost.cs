using System.Text.RegularExpressions;
using SupportBot.Tickets;
using SupportBot.Tickets.Intake;

namespace SupportBot.Threads.Intake;

/// <summary>
/// A developer-community post (forum, Discord, Stack Overflow) shared in #customer-support and ticketed with 🎫:
/// a ticket of source Community linking the post. The asker is not in Slack, so the bot has nobody to tell; the
/// team answers on the post.
/// </summary>
public static partial class CommunityPost
{
    public static TicketDraft Draft(TicketDraft fromMessage, string text, string slackLink)
    {
        var post = Link().Match(text) is { Success: true } m ? m.Groups[1].Value : slackLink;
        var via = new CustomerConversation { Kind = ConversationKind.None, Link = post, Name = "community" };
        var description = fromMessage.Description.Contains(post, StringComparison.Ordinal) ? fromMessage.Description : $"{fromMessage.Description}\n\n{post}";
        return fromMessage with { Source = TicketSource.Community, ChannelId = "", ThreadTs = null, Description = description.Trim(), Via = via };
    }

    // Slack writes links as <url> or <url|label>
    [GeneratedRegex(@"<(https?://[^>|\s]+)(?:\|[^>]*)?>")]
    private static partial Regex Link();
}
