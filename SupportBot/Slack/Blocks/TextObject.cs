using System.Text.Json.Serialization;

namespace SupportBot.Slack.Blocks;

/// <summary>Block Kit composition text object: <c>plain_text</c> or <c>mrkdwn</c>.</summary>
public sealed record TextObject(
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("text")] string Text)
{
    [JsonPropertyName("emoji")]
    public bool? Emoji { get; init; }

    public static TextObject Plain(string text) => new("plain_text", text) { Emoji = true };

    public static TextObject Markdown(string text) => new("mrkdwn", text);
}

/// <summary>An option of a select menu.</summary>
public sealed record OptionObject(
    [property: JsonPropertyName("text")] TextObject Text,
    [property: JsonPropertyName("value")] string Value)
{
    public static OptionObject Of(string label, string value) => new(TextObject.Plain(label), value);
}
