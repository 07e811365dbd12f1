using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using SupportBot.Slack.Api;

namespace SupportBot.Outbox;

/// <summary>
/// <c>chat.postMessage</c> has no idempotency key, so every post carries its outbox id as Slack message metadata.
/// Before posting again a message whose last attempt may have gone through, the channel's (or thread's) recent
/// history is searched for that tag. A lookup that fails or finds nothing means "send": a message is posted at
/// least once, and twice only when Slack cannot tell us it already has it.
/// </summary>
public sealed class OutboxTag(SlackApiClient slack, ILogger<OutboxTag> logger)
{
    public const string EventType = "supportbot_outbox";
    private const int Window = 200;

    public static JsonObject Metadata(long outboxId) => new()
    {
        ["event_type"] = EventType,
        ["event_payload"] = new JsonObject { ["outbox_id"] = outboxId },
    };

    /// <summary>The ts of the message Slack already holds for this outbox id; null when not found or the lookup failed.</summary>
    public async Task<string?> FindAsync(OutboxMessage message, JsonObject args, DateTime since, CancellationToken cancellationToken)
    {
        var channel = args["channel"]?.GetValue<string>();
        if (string.IsNullOrEmpty(channel))
            return null;
        var thread = args["thread_ts"]?.GetValue<string>();
        // a minute of slack for clocks that disagree; the post cannot be older than its first attempt
        var oldest = (new DateTimeOffset(since, TimeSpan.Zero) - TimeSpan.FromMinutes(1)).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        List<KeyValuePair<string, string>> query =
            [new("channel", channel), new("oldest", oldest), new("include_all_metadata", "true"), new("limit", Window.ToString(CultureInfo.InvariantCulture))];
        if (thread is not null)
            query.Add(new("ts", thread));
        try
        {
            var answer = await slack.CallFormAsync(thread is null ? "conversations.history" : "conversations.replies", query, cancellationToken);
            return Find(answer, message.Id);
        }
        catch (Exception e) when (e is SlackApiException or JsonException or InvalidOperationException or FormatException)
        {
            logger.LogWarning("Could not look for outbox #{Id} in {Channel} ({Error}); posting it again", message.Id, channel, e.Message);
            return null;
        }
    }

    private static string? Find(JsonElement answer, long id)
    {
        if (!answer.TryGetProperty("messages", out var messages) || messages.ValueKind != JsonValueKind.Array)
            return null;
        foreach (var m in messages.EnumerateArray())
        {
            if (m.TryGetProperty("metadata", out var meta) && meta.ValueKind == JsonValueKind.Object
                && meta.TryGetProperty("event_type", out var type) && type.ValueKind == JsonValueKind.String && type.GetString() == EventType
                && meta.TryGetProperty("event_payload", out var payload) && payload.ValueKind == JsonValueKind.Object
                && payload.TryGetProperty("outbox_id", out var tagged) && tagged.ValueKind == JsonValueKind.Number && tagged.TryGetInt64(out var n) && n == id
                && m.TryGetProperty("ts", out var ts) && ts.ValueKind == JsonValueKind.String)
                return ts.GetString();
        }
        return null;
    }
}
