using System.Text.Json;
using SupportBot.Slack.Events;
using SupportBot.Slack.Payloads;

namespace SupportBot.Slack.Dispatch;

/// <summary>What became of an Events API envelope.</summary>
public enum EventOutcome
{
    Stored,
    Challenge,
    Ignored,
    Malformed,
}

/// <summary>
/// An Events API envelope (the HTTP body, or a Socket Mode <c>events_api</c> payload) into the inbox: committed
/// before the acknowledgement, once per <c>event_id</c>, so Slack's retries on either transport are no-ops.
/// </summary>
public sealed class EventDispatch(SlackEventInbox inbox)
{
    /// <summary>Slack's event ids are a dozen characters; the id is the store's key, and LiteDB keys stop at 1,023 bytes.</summary>
    public const int MaxEventIdLength = 128;

    public (EventOutcome Outcome, string? Challenge) Accept(EventEnvelope? envelope)
    {
        switch (envelope?.Type)
        {
            case "url_verification" when !string.IsNullOrEmpty(envelope.Challenge):
                return (EventOutcome.Challenge, envelope.Challenge);
            case "event_callback" when envelope.Event is { ValueKind: JsonValueKind.Object } inner
                                       && !string.IsNullOrEmpty(envelope.EventId) && envelope.EventId.Length <= MaxEventIdLength:
                var type = inner.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString()! : "";
                inbox.Accept(envelope.EventId, type, inner.GetRawText());
                return (EventOutcome.Stored, null);
            case "app_rate_limited":
                return (EventOutcome.Ignored, null);
            default:
                return (EventOutcome.Malformed, null);
        }
    }
}
