using System.Text.Json;
using SupportBot.Slack.Api;
using SupportBot.Tickets;

namespace SupportBot.Threads.Intake;

/// <summary>A message read back from Slack.</summary>
public sealed record FetchedMessage(string Ts, string? User, string? BotId, string Text, string? ThreadTs)
{
    public List<MessageFile> Files { get; init; } = [];
}

/// <summary>What reading a message gave: the message, or (when Slack did not give it) why, in plain words.</summary>
public sealed record MessageRead(FetchedMessage? Message, string? Problem)
{
    public static readonly MessageRead NotFound = new(null, null);
}

/// <summary>
/// Reads one message by channel + ts: <c>reaction_added</c> names the message but does not carry its text.
/// A top-level message comes from <c>conversations.history</c>; a thread reply only from <c>conversations.replies</c>.
/// Runs in the event processor, after Slack's ack, so a slow Web API call delays nothing Slack waits for. A 429 (or
/// Slack failing for a moment) is tried again after Slack's Retry-After, a few times and never for long, on the app's
/// clock: the events behind this one wait meanwhile.
/// </summary>
public sealed class MessageFetcher(SlackApiClient slack, TimeProvider time, ILogger<MessageFetcher> logger)
{
    public const int MaxTries = 3;

    /// <summary>A Retry-After longer than this is not waited for: the ticket is made with a placeholder instead.</summary>
    public static readonly TimeSpan LongestWait = TimeSpan.FromSeconds(30);

    public async Task<MessageRead> FetchAsync(string channelId, string ts, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await ReadAsync(channelId, ts, cancellationToken) is { } message ? new(message, null) : MessageRead.NotFound;
            }
            catch (SlackApiException e)
            {
                var wait = e.RetryAfter ?? TimeSpan.FromSeconds(attempt);
                if (!e.Transient || attempt >= MaxTries || wait > LongestWait)
                {
                    logger.LogWarning("Could not read message {Channel}/{Ts} ({Tries} tries): {Error}", channelId, ts, attempt, e.Error);
                    return new(null, Problem(e.Error));
                }
                logger.LogInformation("Reading message {Channel}/{Ts} failed ({Error}); trying again in {Wait}", channelId, ts, e.Error, wait);
                await Task.Delay(wait, time, cancellationToken);
            }
        }
    }

    private async Task<FetchedMessage?> ReadAsync(string channelId, string ts, CancellationToken cancellationToken)
    {
        var history = await slack.CallFormAsync("conversations.history",
            [new("channel", channelId), new("latest", ts), new("inclusive", "true"), new("limit", "1")], cancellationToken);
        if (Find(history, ts) is { } top)
            return top;
        var replies = await slack.CallFormAsync("conversations.replies",
            [new("channel", channelId), new("ts", ts), new("oldest", ts), new("inclusive", "true"), new("limit", "10")], cancellationToken);
        return Find(replies, ts);
    }

    /// <summary>Slack's error in the team's words.</summary>
    public static string Problem(string error) => error switch
    {
        "ratelimited" or "rate_limited" => "Slack rate-limited the bot",
        "missing_scope" => "the app lacks the channels:history or groups:history scope (reinstall it from the manifest)",
        "not_in_channel" or "channel_not_found" => "the bot is not a member of the channel",
        _ when error.StartsWith(SlackApiException.Unreachable, StringComparison.Ordinal) => "Slack did not answer",
        _ when error.StartsWith("http_5", StringComparison.Ordinal) || SlackApiException.IsTransientError(error) => $"Slack failed ({error})",
        _ => $"Slack refused ({error})",
    };

    private static FetchedMessage? Find(JsonElement answer, string ts)
    {
        if (!answer.TryGetProperty("messages", out var messages) || messages.ValueKind != JsonValueKind.Array)
            return null;
        foreach (var m in messages.EnumerateArray())
        {
            if (SlackMessageEvent.Str(m, "ts") == ts)
                return new(ts, SlackMessageEvent.Str(m, "user"), SlackMessageEvent.Str(m, "bot_id"),
                    SlackMessageEvent.TextOf(m), SlackMessageEvent.Str(m, "thread_ts")) { Files = SlackFiles.Read(m) };
        }
        return null;
    }
}
