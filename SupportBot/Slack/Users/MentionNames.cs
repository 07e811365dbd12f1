using System.Text.RegularExpressions;

namespace SupportBot.Slack.Users;

/// <summary>
/// Mentions as people read them (<c>@Dana</c>) where Slack does not render <c>&lt;@U…&gt;</c> itself: user text
/// quoted back (escaped, so a mention shows raw), plain_text fields, and anything that is not Slack's (HTML, CSV).
/// </summary>
public static partial class MentionNames
{
    /// <summary>
    /// Stored user text with each <c>&lt;@U…&gt;</c> or <c>&lt;@U…|label&gt;</c> as <c>@name</c>, not escaped: the
    /// caller escapes once for where it goes. An unknown name falls back to Slack's label, then the id.
    /// </summary>
    public static string Readable(string? text, Func<string, string?> name) =>
        string.IsNullOrEmpty(text) ? "" : Raw().Replace(text, m => "@" + Shown(m, name, escaped: false));

    /// <summary>The ids mentioned in <paramref name="text"/>, raw (<c>&lt;@U…&gt;</c>) or escaped (<c>&amp;lt;@U…&amp;gt;</c>).</summary>
    public static IEnumerable<string> Ids(string? text) =>
        string.IsNullOrEmpty(text) ? [] : Raw().Matches(text).Concat(Escaped().Matches(text)).Select(m => m.Groups[1].Value);

    /// <summary>The ids of the escaped mentions only: the ones mrkdwn shows raw, so the only ones it needs names for.</summary>
    public static IEnumerable<string> EscapedIds(string? text) =>
        string.IsNullOrEmpty(text) ? [] : Escaped().Matches(text).Select(m => m.Groups[1].Value);

    /// <summary>Already escaped mrkdwn: the escaped mentions (user text quoted back) as escaped <c>@name</c>; real mentions stay.</summary>
    public static string InMarkdown(string text, Func<string, string?> name) =>
        Escaped().Replace(text, m => "@" + SlackText.Escape(Shown(m, name, escaped: true)));

    /// <summary>plain_text: Slack shows it as written, so real and escaped mentions alike become <c>@name</c>.</summary>
    public static string InPlainText(string text, Func<string, string?> name) =>
        Raw().Replace(Escaped().Replace(text, m => "@" + Shown(m, name, escaped: true)), m => "@" + Shown(m, name, escaped: false));

    private static string Shown(Match m, Func<string, string?> name, bool escaped)
    {
        var id = m.Groups[1].Value;
        var label = m.Groups[2].Success && m.Groups[2].Value.Length > 0 ? m.Groups[2].Value : null;
        return name(id) ?? (label is null ? id : escaped ? SlackMarkup.Unescape(label) : label);
    }

    // the id shapes of SlackIds.IsUser (U… or Enterprise Grid W…), with Slack's optional |label
    [GeneratedRegex("<@([UW][A-Z0-9_]{1,40})(?:\\|([^<>]*))?>")]
    private static partial Regex Raw();

    [GeneratedRegex("&lt;@([UW][A-Z0-9_]{1,40})(?:\\|((?:(?!&gt;)[^<>])*))?&gt;")]
    private static partial Regex Escaped();
}
