namespace SupportBot.Slack;

/// <summary>
/// Reads a person named in command text with the name Slack shows, where it sent one: <c>&lt;@U123|name&gt;</c>,
/// <c>&lt;@U123&gt;</c> or a plain user id (the id itself is read by <see cref="SlackMarkup.TryUser"/>). A bare
/// <c>@name</c> is not an id: it arrives when the command does not escape users.
/// </summary>
public static class MentionParser
{
    public sealed record UserMention(string Id, string? Name);

    public static UserMention? User(string? word)
    {
        if (!SlackMarkup.TryUser(word, out var id))
            return null;
        var w = (word ?? "").Trim();
        var bar = w.IndexOf('|', StringComparison.Ordinal);
        var name = w.StartsWith("<@", StringComparison.Ordinal) && w.EndsWith('>') && bar > 0 ? w[(bar + 1)..^1] : null;
        return new(id, string.IsNullOrWhiteSpace(name) ? null : name);
    }
}
