using System.Text.Json;
using SupportBot.Slack.Interactions;

namespace SupportBot.Threads;

/// <summary><c>message_deleted</c>: a recorded reply is shown as deleted from now on; a ticket's deleted post is flagged for the team.</summary>
public sealed class MessageDeleteHandler(MessageChanges changes) : IEventHandler
{
    public const string Type = "message";

    public string EventType => Type;

    public Task HandleAsync(JsonElement slackEvent, CancellationToken cancellationToken)
    {
        var s = SlackMessageEvent.Str;
        if (s(slackEvent, "subtype") != SlackMessageEvent.Deleted || s(slackEvent, "channel") is not { } channel
            || s(slackEvent, "deleted_ts") is not { } ts)
            return Task.CompletedTask;
        // previous_message says which thread it was in; Slack's documented minimum event leaves it out
        var thread = slackEvent.TryGetProperty("previous_message", out var previous) && previous.ValueKind == JsonValueKind.Object
            ? s(previous, "thread_ts") ?? ts
            : null;
        changes.Delete(channel, ts, thread);
        return Task.CompletedTask;
    }
}
