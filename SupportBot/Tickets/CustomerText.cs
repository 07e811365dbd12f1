using System.Text.RegularExpressions;

namespace SupportBot.Tickets;

/// <summary>
/// What a Slack-worded message to the customer reads like outside Slack: mentions become names, links
/// "label (url)", mrkdwn emphasis plain, and Slack's three escapes undone (mail and GitHub escape on their own).
/// </summary>
public static partial class CustomerText
{
    public static string Plain(Ticket ticket, string mrkdwn)
    {
        var text = Mention().Replace(mrkdwn, m => m.Groups[1].Value == ticket.RequesterId
            ? ticket.RequesterName ?? ticket.Via?.Name ?? "there"
            : "a support engineer");
        text = Link().Replace(text, m => m.Groups[2].Success ? $"{m.Groups[2].Value} ({m.Groups[1].Value})" : m.Groups[1].Value);
        text = Emphasis().Replace(text, "$2");
        return text.Replace("&lt;", "<", StringComparison.Ordinal).Replace("&gt;", ">", StringComparison.Ordinal)
            .Replace("&amp;", "&", StringComparison.Ordinal);
    }

    [GeneratedRegex(@"<@([^>|]+)(?:\|[^>]*)?>")]
    private static partial Regex Mention();

    [GeneratedRegex(@"<((?:https?|mailto):[^>|]+)(?:\|([^>]*))?>")]
    private static partial Regex Link();

    [GeneratedRegex(@"(?<![\w*_])([*_])(\S(?:[^\n]*?\S)?)\1(?![\w*_])")]
    private static partial Regex Emphasis();
}
