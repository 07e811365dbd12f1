using System.Text;
using System.Text.RegularExpressions;
using SupportBot.Slack;

namespace SupportBot.Discord.Outgoing;

/// <summary>
/// Plain text as Discord shows it literally: its markdown characters escaped with a backslash (outside links, which
/// Discord would break), cut to Discord's 2,000 characters at a grapheme boundary. Pings are switched off separately,
/// by every post's empty <c>allowed_mentions</c>.
/// </summary>
public static partial class DiscordMarkdown
{
    public const int MaxContent = 2000;

    public static string Escape(string text)
    {
        var escaped = new StringBuilder(text.Length + 16);
        var at = 0;
        foreach (Match url in Url().Matches(text))
        {
            EscapeText(escaped, text[at..url.Index]);
            escaped.Append(url.Value);
            at = url.Index + url.Length;
        }
        EscapeText(escaped, text[at..]);
        return escaped.ToString();
    }

    /// <summary><see cref="Escape"/>d and cut to fit one message; what is cut is cut before escaping, so no escape is split.</summary>
    public static string Content(string text)
    {
        var escaped = Escape(text);
        if (escaped.Length <= MaxContent)
            return escaped;
        var keep = SlackText.Cut(text, MaxContent - 1);
        while (Escape(keep).Length > MaxContent - 1)
            keep = SlackText.Cut(keep, keep.Length - (Escape(keep).Length - (MaxContent - 1)));
        return Escape(keep) + "…";
    }

    private static void EscapeText(StringBuilder to, string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var lineStart = i == 0 ? to.Length == 0 || to[^1] == '\n' : text[i - 1] == '\n';
            if (Always.Contains(c) || (lineStart && AtLineStart.Contains(c)))
                to.Append('\\');
            to.Append(c);
        }
    }

    /// <summary>Emphasis, code, spoilers, quotes, masked links and mention markup (<c>&lt;@id&gt;</c>).</summary>
    private const string Always = "\\*_~`|>[]<";

    /// <summary>Headings (<c># </c>), lists and subtext (<c>-# </c>) only mean something at the start of a line.</summary>
    private const string AtLineStart = "#-+";

    [GeneratedRegex(@"https?://[^\s<>]+")]
    private static partial Regex Url();
}
