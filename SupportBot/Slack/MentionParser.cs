namespace SupportBot.Slack;

/// <summary>
/// Reads a user named in command text: Slack's escaped mention <c>&lt;@U123|name&gt;</c> or <c>&lt;@U123&gt;</c>,
/// or a plain user id. A bare <c>@name</c> is not an id: it arrives when the command does not escape users.
/// </summary>
public static class MentionParser
{
    public sealed record UserMention(string Id, string? Name);

    public static UserMention? User(string? word)
    {
        var w = (word ?? "").Trim();
        if (w.StartsWith("<@", StringComparison.Ordinal) && w.EndsWith('>'))
        {
            var inner = w[2..^1];
            var bar = inner.IndexOf('|', StringComparison.Ordinal);
            var id = bar < 0 ? inner : inner[..bar];
            var name = bar < 0 ? null : inner[(bar + 1)..];
            return IsUserId(id) ? new(id, string.IsNullOrWhiteSpace(name) ? null : name) : null;
        }
        return IsUserId(w) ? new(w, null) : null;
    }

    /// <summary>Slack user ids start with U or W, then upper-case letters and digits (test workspaces use '_').</summary>
    public static bool IsUserId(string id) =>
        id.Length >= 2 && id[0] is 'U' or 'W' && id.Skip(1).All(c => c is (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '_');
}
