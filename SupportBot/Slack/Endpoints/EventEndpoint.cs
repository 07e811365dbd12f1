using System.Text.Json;
using SupportBot.Slack.Dispatch;
using SupportBot.Slack.Payloads;
using SupportBot.Slack.Signing;
using SupportBot.Storage;

namespace SupportBot.Slack.Endpoints;

/// <summary><c>POST /slack/event</c>: the Events API. Stores the event, acks at once, handles it afterwards.</summary>
public static class EventEndpoint
{
    public static async Task<IResult> HandleAsync(HttpRequest request, VerifiedBody verifier, EventDispatch dispatch,
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
        (EventOutcome Outcome, string? Challenge) accepted;
        try
        {
            accepted = dispatch.Accept(envelope);
        }
        catch (StoreWriteFailedException)
        {
            // not stored, so not acknowledged: Slack retries it (three times, over about an hour)
            return Results.Problem("The event could not be stored; please retry.", statusCode: 503);
        }
        return accepted switch
        {
            (EventOutcome.Challenge, var challenge) => SlackResults.Json(new { challenge }),
            (EventOutcome.Malformed, _) => Results.Problem(
                "Expected url_verification with a challenge, or event_callback with event_id and event.", statusCode: 400),
            _ => Results.Ok(),
        };
    }
}
