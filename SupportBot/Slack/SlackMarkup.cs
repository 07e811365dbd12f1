using System.Text.RegularExpressions;

namespace SupportBot.Slack;

/// <summary>
/// Slack's escaped forms in text it sends: <c>&lt;@U123|name&gt;</c>, <c>&lt;#C123|name&gt;</c>,
/// <c>&lt;https://…|label&gt;</c>, <c>&lt;!here&gt;</c> and the entities <c>&amp;lt; &amp;gt; &amp;amp;</c>. Commands
/// read users, channels and links through here, so a command works with <c>should_escape</c> on or off.
/// </summary>
public static partial class SlackMarkup
{
    public sealed record UserMention(string Id, string? Name);

    /// <summary>A user from <c>&lt;@U123|name&gt;</c>, <c>&lt;@U123&gt;</c>, <c>@U123</c> or a plain <c>U123</c>.</summary>
    public static bool TryUser(string? word, out string userId)
    {
        userId = Reference(word, '@')?[0] ?? (word ?? "").Trim().TrimStart('@');
        return SlackIds.IsUser(userId);
    }

    /// <summary>
    /// A user as <see cref="TryUser"/> reads one, with the name Slack shows where it sent one
    /// (<c>&lt;@U123|name&gt;</c>). A bare <c>@name</c> is not an id: it arrives when the command does not escape users.
    /// </summary>
    public static UserMention? Mention(string? word)
    {
        if (!TryUser(word, out var id))
            return null;
        var name = Reference(word, '@') is [_, var label] ? label : null;
        return new(id, string.IsNullOrWhiteSpace(name) ? null : name);
    }

    /// <summary>A channel from <c>&lt;#C123|name&gt;</c>, <c>&lt;#C123&gt;</c> or a plain <c>C123</c>.</summary>
    public static bool TryChannel(string? word, out string channelId)
    {
        channelId = Reference(word, '#')?[0] ?? (word ?? "").Trim();
        return SlackIds.IsChannel(channelId);
    }

    /// <summary>A web link from <c>&lt;https://…|label&gt;</c>, <c>&lt;https://…&gt;</c> or a plain <c>https://…</c>.</summary>
    public static bool TryLink(string? word, out Uri? url)
    {
        var text = (word ?? "").Trim();
        if (text.StartsWith('<') && text.EndsWith('>'))
            text = text[1..^1].Split('|', 2)[0];
        url = Uri.TryCreate(Unescape(text), UriKind.Absolute, out var u) && u.Scheme is "http" or "https" ? u : null;
        return url is not null;
    }

    /// <summary>What a person reads in Slack: <c>@name</c>, <c>#name</c>, <c>label (url)</c>, and the plain characters.</summary>
    public static string Readable(string? text)
    {
        if (string.IsNullOrEmpty(text))
            return "";
        var readable = Angle().Replace(text, m =>
        {
            var inner = m.Groups[1].Value;
            var parts = inner.Split('|', 2);
            var label = parts.Length == 2 ? parts[1] : null;
            return parts[0] switch
            {
                ['@', ..] => "@" + (label ?? parts[0][1..]),
                ['#', ..] => "#" + (label ?? parts[0][1..]),
                ['!', ..] => label ?? "@" + parts[0][1..].Split('^')[0],
                var target when !target.Contains(':', StringComparison.Ordinal) => m.Value, // not markup: text as sent
                var target when label is not null => $"{label} ({target})",
                var target => target.StartsWith("mailto:", StringComparison.Ordinal) ? target["mailto:".Length..] : target,
            };
        });
        return Unescape(readable);
    }

    /// <summary>
    /// Slack escapes exactly these three in message text; <c>&amp;amp;</c> last, so <c>&amp;amp;lt;</c> stays
    /// <c>&amp;lt;</c>. Undone where text enters the bot, so <see cref="SlackText.Escape"/> where it goes back out is
    /// the only escaping.
    /// </summary>
    public static string Unescape(string? text) =>
        string.IsNullOrEmpty(text) ? "" : text.Replace("&lt;", "<", StringComparison.Ordinal).Replace("&gt;", ">", StringComparison.Ordinal)
            .Replace("&amp;", "&", StringComparison.Ordinal);

    /// <summary>The id and, where Slack sent one, the label of <c>&lt;@U123|label&gt;</c> or <c>&lt;#C123&gt;</c>.</summary>
    private static string[]? Reference(string? word, char sigil)
    {
        var text = (word ?? "").Trim();
        if (text.Length < 3 || text[0] != '<' || text[1] != sigil || text[^1] != '>')
            return null;
        return text[2..^1].Split('|', 2);
    }

    /// <summary>
    /// Typed text (as stored, unescaped) made mrkdwn: escaped once, except the references a person can type and
    /// Slack sends as markup (<c>&lt;@U…&gt;</c>, <c>&lt;#C…&gt;</c>, <c>&lt;https://…|label&gt;</c>), which stay
    /// mentions and links; <c>&lt;!here&gt;</c> and the like are escaped, so typed text never pings a channel.
    /// </summary>
    public static string EscapeAroundReferences(string? text)
    {
        if (string.IsNullOrEmpty(text))
            return "";
        var escaped = new System.Text.StringBuilder(text.Length);
        var at = 0;
        foreach (Match m in TypedReference().Matches(text))
        {
            escaped.Append(SlackText.Escape(text[at..m.Index])).Append('<').Append(m.Groups[1].Value);
            if (m.Groups[2].Success)
                escaped.Append('|').Append(SlackText.Escape(m.Groups[2].Value));
            escaped.Append('>');
            at = m.Index + m.Length;
        }
        return escaped.Append(SlackText.Escape(text[at..])).ToString();
    }

    [GeneratedRegex(@"<([@#][A-Z][A-Z0-9_]{1,40}|(?:https?|mailto):[^<>|\s]+)(?:\|([^<>]*))?>")]
    private static partial Regex TypedReference();

    [GeneratedRegex("<([^<>]+)>")]
    private static partial Regex Angle();
}
