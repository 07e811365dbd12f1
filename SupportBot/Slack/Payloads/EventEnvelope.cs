using System.Text.Json;

namespace SupportBot.Slack.Payloads;

/// <summary>An Events API request: <c>url_verification</c> or <c>event_callback</c>.</summary>
public sealed record EventEnvelope
{
    public string Type { get; init; } = "";
    public string? Challenge { get; init; }
    public string? EventId { get; init; }
    public string? TeamId { get; init; }
    public long? EventTime { get; init; }

    /// <summary>The inner event, kept raw: it is stored as received and parsed by its handler.</summary>
    public JsonElement? Event { get; init; }
}
