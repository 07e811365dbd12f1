using Microsoft.AspNetCore.Http;

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
    public static SlashCommand? FromForm(IFormCollection form)
    {
        string? Field(string name) => form.TryGetValue(name, out var v) ? v.ToString() : null;
        var command = Field("command");
        var user = Field("user_id");
        var channel = Field("channel_id");
        if (string.IsNullOrWhiteSpace(command) || string.IsNullOrWhiteSpace(user) || string.IsNullOrWhiteSpace(channel))
            return null;
        return new SlashCommand(command.Trim(), Field("text") ?? "", user, channel, Field("team_id"),
            Field("response_url"), Field("trigger_id"));
    }
}
