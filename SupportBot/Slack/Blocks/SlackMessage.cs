using System.Text.Json.Serialization;

namespace SupportBot.Slack.Blocks;

/// <summary>
/// A message body: <c>text</c> is always set, since Slack uses it for notifications and screen readers
/// even when blocks are present.
/// </summary>
public sealed record SlackMessage([property: JsonPropertyName("text")] string Text)
{
    [JsonPropertyName("blocks")]
    public IReadOnlyList<Block>? Blocks { get; init; }

    [JsonPropertyName("response_type")]
    public string? ResponseType { get; init; }

    [JsonPropertyName("replace_original")]
    public bool? ReplaceOriginal { get; init; }

    public static SlackMessage Ephemeral(string text, IReadOnlyList<Block>? blocks = null) =>
        new(text) { ResponseType = "ephemeral", Blocks = blocks };
}
