using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using SupportBot.Slack.Dispatch;
using SupportBot.Slack.Payloads;

namespace SupportBot.Slack.Socket;

/// <summary>
/// Socket Mode envelopes (<c>events_api</c>, <c>slash_commands</c>, <c>interactive</c>) to the same dispatch as the
/// HTTP endpoints, and the acknowledgement to send back: <c>envelope_id</c>, with the response payload Slack allows
/// (a command's answer, a view_submission's <c>response_action</c>). An envelope Slack sends again (its ack was lost,
/// or the connection it came on was replaced) gets the first answer without being handled twice.
/// </summary>
public sealed class SocketEnvelopes(CommandDispatch commands, InteractionDispatch interactions, EventDispatch events,
    ILogger<SocketEnvelopes> logger)
{
    /// <summary>Envelope ids remembered for retries; Slack retries within minutes, and a few thousand ids are tiny.</summary>
    public const int Remembered = 5000;

    private readonly ConcurrentDictionary<string, Lazy<Task<JsonNode?>>> _answers = new();
    private readonly ConcurrentQueue<string> _order = new();

    /// <summary>The ack to send (null: nothing to acknowledge), or an exception when the envelope could not be kept (Slack will retry it).</summary>
    public async Task<string?> AckAsync(string text, CancellationToken cancellationToken)
    {
        if (!ReadableJson.IsReadable(Encoding.UTF8.GetBytes(text)))
        {
            logger.LogWarning("Socket Mode sent a message that is not readable JSON; ignored");
            return null;
        }
        using var doc = JsonDocument.Parse(text);
        var root = doc.RootElement;
        if (root.ValueKind != JsonValueKind.Object || Str(root, "envelope_id") is not { Length: > 0 } envelopeId)
            return null; // hello and disconnect carry no envelope to acknowledge
        var type = Str(root, "type") ?? "";
        var payload = root.TryGetProperty("payload", out var p) ? p.Clone() : default;
        var fresh = new Lazy<Task<JsonNode?>>(() => AnswerAsync(type, payload, cancellationToken));
        var answer = _answers.GetOrAdd(envelopeId, fresh);
        if (answer == fresh)
            Remember(envelopeId);
        else
            logger.LogInformation("Socket Mode envelope {EnvelopeId} ({Type}) came again (retry {Attempt}); answering as before",
                envelopeId, type, root.TryGetProperty("retry_attempt", out var r) ? r.ToString() : "?");
        JsonNode? response;
        try
        {
            response = await answer.Value;
        }
        catch
        {
            _answers.TryRemove(envelopeId, out _); // not kept: no ack, so Slack's retry gets a fresh try
            throw;
        }
        var ack = new JsonObject { ["envelope_id"] = envelopeId };
        if (response is not null && (!root.TryGetProperty("accepts_response_payload", out var accepts) || accepts.ValueKind != JsonValueKind.False))
            ack["payload"] = response.DeepClone();
        return ack.ToJsonString();
    }

    private async Task<JsonNode?> AnswerAsync(string type, JsonElement payload, CancellationToken cancellationToken)
    {
        switch (type)
        {
            case "events_api":
                if (events.Accept(ReadEnvelope(payload)).Outcome == EventOutcome.Malformed)
                    logger.LogWarning("Socket Mode events_api envelope without event_id or event; acknowledged and ignored");
                return null;
            case "slash_commands":
                var command = SlashCommand.FromJson(payload);
                if (command is null)
                {
                    logger.LogWarning("Socket Mode slash_commands envelope without command, user_id or channel_id; ignored");
                    return null;
                }
                return JsonSerializer.SerializeToNode(await commands.HandleAsync(command, cancellationToken), SlackJson.Options);
            case "interactive":
                var raw = payload.ValueKind == JsonValueKind.Object ? payload.GetRawText() : "";
                var (interaction, problem) = InteractionPayload.Read(raw);
                if (interaction is null)
                {
                    logger.LogWarning("Socket Mode interactive envelope refused: {Problem}", problem);
                    return null;
                }
                var answer = await interactions.HandleAsync(interaction, raw, cancellationToken);
                return answer is null ? null : JsonSerializer.SerializeToNode(answer, SlackJson.Options);
            default:
                logger.LogDebug("Socket Mode envelope of type {Type} acknowledged without handling", type);
                return null;
        }
    }

    /// <summary>Null for a payload that is no envelope: acknowledged and logged, never a reason to drop the connection.</summary>
    private static EventEnvelope? ReadEnvelope(JsonElement payload)
    {
        try
        {
            return payload.ValueKind == JsonValueKind.Object ? payload.Deserialize<EventEnvelope>(SlackJson.Options) : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private void Remember(string envelopeId)
    {
        _order.Enqueue(envelopeId);
        while (_order.Count > Remembered && _order.TryDequeue(out var old))
            _answers.TryRemove(old, out _);
    }

    private static string? Str(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}
