using System.Text.Json;
using SupportBot.Slack.Api;

namespace SupportBot.Threads.Intake;

/// <summary>A message read back from Slack.</summary>
public sealed record FetchedMessage(string Ts, string? User, string? BotId, string Text, string? ThreadTs);

/// <summary>
/// Reads one message by channel + ts: <c>reaction_added</c> names the message but does not carry its text.
/// A top-level message comes from <c>conversations.history</c>; a thread reply only from <c>conversations.replies</c>.
/// Runs in the event processor, after Slack's ack, so a slow Web API call delays nothing Slack waits for.
/// </summary>
public sealed class MessageFetcher(SlackApiClient slack, ILogger<MessageFetcher> logger)
{
    public async Task<FetchedMessage?> FetchAsync(string channelId, string ts, CancellationToken cancellationToken)
    {
        try
        {
            var history = await slack.CallFormAsync("conversations.history",
                [new("channel", channelId), new("latest", ts), new("inclusive", "true"), new("limit", "1")], cancellationToken);
            if (Find(history, ts) is { } top)
                return top;
            var replies = await slack.CallFormAsync("conversations.replies",
                [new("channel", channelId), new("ts", ts), new("oldest", ts), new("inclusive", "true"), new("limit", "10")], cancellationToken);
            return Find(replies, ts);
        }
        catch (SlackApiException e)
        {
            logger.LogWarning("Could not read message {Channel}/{Ts}: {Error}", channelId, ts, e.Error);
            return null;
        }
    }

    private static FetchedMessage? Find(JsonElement answer, string ts)
    {
        if (!answer.TryGetProperty("messages", out var messages) || messages.ValueKind != JsonValueKind.Array)
            return null;
        foreach (var m in messages.EnumerateArray())
        {
            if (SlackMessageEvent.Str(m, "ts") == ts)
                return new(ts, SlackMessageEvent.Str(m, "user"), SlackMessageEvent.Str(m, "bot_id"),
                    Slack.SlackMarkup.Unescape(SlackMessageEvent.Str(m, "text")), SlackMessageEvent.Str(m, "thread_ts"));
        }
        return null;
    }
}
