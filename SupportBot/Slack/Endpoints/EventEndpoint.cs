using System.Text.Json;
using SupportBot.Slack.Events;
using SupportBot.Slack.Payloads;
using SupportBot.Slack.Signing;
using SupportBot.Storage;

namespace SupportBot.Slack.Endpoints;

/// <summary><c>POST /slack/event</c>: the Events API. Stores the event, acks at once, handles it afterwards.</summary>
public static class EventEndpoint
{
    /// <summary>Slack's event ids are a dozen characters; the id is the store's key, and LiteDB keys stop at 1,023 bytes.</summary>
    public const int MaxEventIdLength = 128;

    public static async Task<IResult> HandleAsync(HttpRequest request, VerifiedBody verifier, SlackEventInbox inbox,
        CancellationToken cancellationToken)
    {
        var (body, refusal) = await verifier.ReadAsync(request, cancellationToken);
        if (refusal is not null)
            return refusal;
        if (!ReadableJson.IsReadable(body))
            return Results.Problem("The body is not a JSON Events API envelope with readable text.", statusCode: 400);
        EventEnvelope? envelope;
        try
        {
            envelope = JsonSerializer.Deserialize<EventEnvelope>(body, SlackJson.Options);
        }
        catch (JsonException)
        {
            return Results.Problem("The body is not a JSON Events API envelope.", statusCode: 400);
        }
        switch (envelope?.Type)
        {
            case "url_verification" when !string.IsNullOrEmpty(envelope.Challenge):
                return SlackResults.Json(new { challenge = envelope.Challenge });
            case "event_callback" when envelope.Event is { ValueKind: JsonValueKind.Object } inner
                                       && !string.IsNullOrEmpty(envelope.EventId) && envelope.EventId.Length <= MaxEventIdLength:
                var type = inner.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString()! : "";
                try
                {
                    inbox.Accept(envelope.EventId, type, inner.GetRawText());
                }
                catch (StoreWriteFailedException)
                {
                    // not stored, so not acknowledged: Slack retries it (three times, over about an hour)
                    return Results.Problem("The event could not be stored; please retry.", statusCode: 503);
                }
                return Results.Ok();
            case "app_rate_limited":
                return Results.Ok();
            default:
                return Results.Problem("Expected url_verification with a challenge, or event_callback with event_id and event.", statusCode: 400);
        }
    }
}
