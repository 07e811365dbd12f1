using System.Text;

namespace SupportBot.Slack;

/// <summary>Text going back into Slack: user-written text must be escaped so it cannot forge mentions or links.</summary>
public static class SlackText
{
    /// <summary>Escapes the three characters Slack's mrkdwn treats as control characters.</summary>
    public static string Escape(string? text)
    {
        if (string.IsNullOrEmpty(text))
            return "";
        var sb = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            sb.Append(c switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                _ => c.ToString(),
            });
        }
        return sb.ToString();
    }

    /// <summary>
    /// Message text as the person wrote it: Slack sends &amp;, &lt; and &gt; escaped in message events and payloads.
    /// Undone where the text enters the bot, so <see cref="Escape"/> where it goes back out is the only escaping.
    /// </summary>
    public static string Unescape(string? text) =>
        string.IsNullOrEmpty(text) ? "" : text.Replace("&lt;", "<", StringComparison.Ordinal)
            .Replace("&gt;", ">", StringComparison.Ordinal).Replace("&amp;", "&", StringComparison.Ordinal);

    /// <summary>User text quoted back in an answer: cut to <paramref name="max"/> characters, then escaped.</summary>
    public static string Quote(string? text, int max = 80)
    {
        var t = text ?? "";
        if (t.Length <= max)
            return Escape(t);
        // never split a surrogate pair: half an emoji is not text
        var cut = char.IsHighSurrogate(t[max - 1]) ? max - 1 : max;
        return Escape(t[..cut]) + "…";
    }

    public static string User(string userId) => $"<@{userId}>";

    public static string Channel(string channelId) => $"<#{channelId}>";

    /// <summary>A link with escaped label.</summary>
    public static string Link(string url, string label) => $"<{url}|{Escape(label)}>";

    /// <summary>First line of a text, cut to <paramref name="max"/> characters: a subject from a free-form message.</summary>
    public static string FirstLine(string? text, int max = 120)
    {
        var line = (text ?? "").Trim().Split('\n', 2)[0].Trim();
        return line.Length <= max ? line : line[..(max - 1)] + "…";
    }
}
