using System.Globalization;
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

    /// <summary>User text quoted back in an answer: cut to <paramref name="max"/> characters, then escaped.</summary>
    public static string Quote(string? text, int max = 80)
    {
        var t = text ?? "";
        return t.Length <= max ? Escape(t) : Escape(Cut(t, max)) + "…";
    }

    /// <summary>
    /// The longest start of <paramref name="text"/> within <paramref name="max"/> UTF-16 characters (Slack's and the
    /// form's limits count those) that ends on a grapheme boundary: never inside a surrogate pair, an emoji
    /// sequence (👩‍💻, 👍🏽, 🇳🇱) or a letter and its accents. Half an emoji is not text, and LiteDB refuses to store it.
    /// </summary>
    public static string Cut(string? text, int max)
    {
        var t = text ?? "";
        if (t.Length <= max)
            return t;
        var end = 0;
        while (end < t.Length)
        {
            var next = end + StringInfo.GetNextTextElementLength(t, end);
            if (next > max)
                break;
            end = next;
        }
        return t[..end];
    }

    /// <summary><see cref="Cut"/> with an ellipsis when something was cut, <paramref name="max"/> characters in all.</summary>
    public static string Shorten(string? text, int max)
    {
        var t = text ?? "";
        return t.Length <= max ? t : Cut(t, max - 1) + "…";
    }

    public static string User(string userId) => $"<@{userId}>";

    /// <summary>A ping for a user (<c>&lt;@U…&gt;</c>) or a user group (<c>&lt;!subteam^S…&gt;</c>).</summary>
    public static string Mention(string userOrGroupId) => SlackIds.IsGroup(userOrGroupId) ? $"<!subteam^{userOrGroupId}>" : User(userOrGroupId);

    public static string Channel(string channelId) => $"<#{channelId}>";

    /// <summary>A link with escaped label.</summary>
    public static string Link(string url, string label) => $"<{url}|{Escape(label)}>";

    /// <summary>First line of a text, cut to <paramref name="max"/> characters: a subject from a free-form message.</summary>
    public static string FirstLine(string? text, int max = 120)
    {
        var line = (text ?? "").Trim().Split('\n', 2)[0].Trim();
        return Shorten(line, max);
    }
}
