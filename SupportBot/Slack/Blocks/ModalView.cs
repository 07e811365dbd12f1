using System.Text.Json.Serialization;

namespace SupportBot.Slack.Blocks;

/// <summary>A modal view for <c>views.open</c>.</summary>
public sealed record ModalView(
    [property: JsonPropertyName("callback_id")] string CallbackId,
    [property: JsonPropertyName("title")] TextObject Title,
    [property: JsonPropertyName("blocks")] IReadOnlyList<Block> Blocks)
{
    [JsonPropertyName("type")]
    public string Type => "modal";

    [JsonPropertyName("submit")]
    public TextObject? Submit { get; init; }

    [JsonPropertyName("close")]
    public TextObject? Close { get; init; }

    /// <summary>Opaque state carried to the submission (channel, thread): Slack returns it untouched.</summary>
    [JsonPropertyName("private_metadata")]
    public string? PrivateMetadata { get; init; }
}
