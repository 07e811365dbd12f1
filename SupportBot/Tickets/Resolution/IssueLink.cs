namespace SupportBot.Tickets.Resolution;

/// <summary>An issue link as typed: a bare URL or Slack's <c>&lt;url|label&gt;</c> form of one.</summary>
public static class IssueLink
{
    public const int MaxLength = 500;

    /// <summary>Whether <paramref name="word"/> looks meant as a link (then it must also be a valid one).</summary>
    public static bool LooksLikeLink(string word) =>
        word.StartsWith('<') || word.Contains("://", StringComparison.Ordinal) || word.StartsWith("www.", StringComparison.OrdinalIgnoreCase);

    /// <summary>The absolute http(s) URL, or null when <paramref name="text"/> is not one.</summary>
    public static string? Parse(string? text)
    {
        var t = (text ?? "").Trim();
        if (t.StartsWith('<') && t.EndsWith('>'))
            t = t[1..^1].Split('|', 2)[0];
        if (t.Length is 0 or > MaxLength || t.Any(c => char.IsWhiteSpace(c) || c is '<' or '>' or '|' or '"'))
            return null;
        return Uri.TryCreate(t, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && uri.Host.Contains('.', StringComparison.Ordinal)
            ? t
            : null;
    }
}
