using System.Text.RegularExpressions;
using SupportBot.Slack;
using SupportBot.Slack.Users;
using static SupportBot.Dashboard.Html.Html;

namespace SupportBot.Dashboard.Actions;

/// <summary>A command's answer, written in Slack's mrkdwn, as HTML: mentions as names, <c>`code`</c> and <c>*bold*</c> kept, all else escaped once.</summary>
public static partial class SlackAnswer
{
    public static string Html(string mrkdwn, SlackUserDirectory names)
    {
        var parts = SlackMarkup.Readable(names.Readable(mrkdwn)).Split('`');
        return string.Concat(parts.Select((part, i) => i % 2 == 1 && i < parts.Length - 1
            ? $"<code>{E(part)}</code>"
            : Bold().Replace(E(part), "<strong>$1</strong>")));
    }

    // after escaping: * is not escaped, and what it wraps is already safe
    [GeneratedRegex(@"\*([^*\n]+)\*")]
    private static partial Regex Bold();
}
