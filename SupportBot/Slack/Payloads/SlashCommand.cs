namespace SupportBot.Slack.Payloads;

/// <summary>A slash command invocation, as Slack posts it (form-encoded).</summary>
public sealed record SlashCommand(
    string Command,
    string Text,
    string UserId,
    string ChannelId,
    string? TeamId,
    string? ResponseUrl,
    string? TriggerId)
{
    /// <summary>Reads the form; null when the fields every command has are missing.</summary>
    public static SlashCommand? FromForm(IFormCollection form) =>
        From(name => form.TryGetValue(name, out var v) ? v.ToString() : null);

    /// <summary>A Socket Mode <c>slash_commands</c> payload: the same fields, as a JSON object of strings.</summary>
    public static SlashCommand? FromJson(System.Text.Json.JsonElement payload) =>
        From(name => payload.ValueKind == System.Text.Json.JsonValueKind.Object && payload.TryGetProperty(name, out var v)
                     && v.ValueKind == System.Text.Json.JsonValueKind.String ? v.GetString() : null);

    private static SlashCommand? From(Func<string, string?> field)
    {
        var command = field("command");
        var user = field("user_id");
        var channel = field("channel_id");
        if (string.IsNullOrWhiteSpace(command) || string.IsNullOrWhiteSpace(user) || string.IsNullOrWhiteSpace(channel))
            return null;
        // Slack escapes the &, < and > a person typed (mentions and links keep their brackets): undone here, where the
        // text comes in, so notes are stored as typed and SlackText.Escape on the way out is the only escaping
        return new SlashCommand(command.Trim(), SlackMarkup.Unescape(field("text")), user, channel, field("team_id"),
            field("response_url"), field("trigger_id"));
    }
}
