using System.Net;
using SupportBot.Discord.Rest;
using SupportBot.Outbox;

namespace SupportBot.Discord.Outgoing;

/// <summary>
/// Posts a <see cref="DiscordPost"/>: starts the ticket's thread on the customer's message first when it does not exist
/// yet, then creates the message with nothing pinged (<c>allowed_mentions</c> parsing nothing) and a nonce Discord
/// enforces, so a retry after a lost answer does not post twice. Refusals become outbox outcomes: a 429 is retried
/// after its <c>retry_after</c>, a server error with backoff, a refusal for good is set aside and the team told.
/// </summary>
public sealed class DiscordPostChannel(DiscordRestClient discord, DiscordChannels channels, ILogger<DiscordPostChannel> logger) : IOutboxChannel
{
    public string Method => DiscordPost.Method;

    public async Task SendAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        var post = DiscordPost.Read(message);
        if (post.StartThread is { } start && !channels.Exists(post.ChannelId))
            await StartThreadAsync(start, cancellationToken);
        var body = new
        {
            content = post.Content,
            allowed_mentions = new { parse = Array.Empty<string>() },
            nonce = $"supportbot-{message.Id}",
            enforce_nonce = true,
        };
        var answer = await CallAsync(HttpMethod.Post, $"channels/{post.ChannelId}/messages", body, cancellationToken);
        if (!answer.Ok)
            throw Refused(answer, "post in the ticket's Discord thread");
    }

    private async Task StartThreadAsync(DiscordThreadStart start, CancellationToken cancellationToken)
    {
        var answer = await CallAsync(HttpMethod.Post, $"channels/{start.ChannelId}/messages/{start.MessageId}/threads",
            new { name = start.Name, auto_archive_duration = 10080 }, cancellationToken);
        // 160004: the thread exists already (started before a restart, or by the customer): post in it
        if (!answer.Ok && answer.Code != ThreadAlreadyCreated)
            throw Refused(answer, "start a thread on the customer's Discord message");
        channels.Seen(start.MessageId, start.ChannelId, start.Name);
    }

    private async Task<DiscordResponse> CallAsync(HttpMethod method, string path, object body, CancellationToken cancellationToken)
    {
        try
        {
            return await discord.SendAsync(method, path, body, cancellationToken);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            throw new OutboxChannelException("discord_unreachable", $"Discord did not answer ({e.Message}); the bot keeps trying", permanent: false, inner: e);
        }
    }

    private OutboxChannelException Refused(DiscordResponse answer, string what)
    {
        if (answer.RateLimited)
            return new OutboxChannelException("discord_429", $"Discord asked the bot to slow down before it could {what}", permanent: false,
                retryAfter: answer.RetryAfter);
        var code = (int)answer.Status;
        if (code >= 500)
            return new OutboxChannelException($"discord_{code}", $"Discord failed ({answer}) when the bot tried to {what}; the bot keeps trying", permanent: false);
        logger.LogWarning("Discord refused to {What}: {Answer}", what, answer.ToString());
        var reason = answer.Status switch
        {
            HttpStatusCode.Unauthorized => "Discord refused the bot token: check Discord:BotToken",
            HttpStatusCode.Forbidden => $"Discord refused: the bot lacks a permission there ({answer}). Give it View Channel, Send Messages, " +
                                        "Send Messages in Threads, Create Public Threads and Read Message History in the help channels",
            HttpStatusCode.NotFound => $"the Discord thread or message is gone ({answer})",
            _ => $"Discord refused it ({answer})",
        };
        return new OutboxChannelException($"discord_{code}{(answer.Code is { } c ? $"_{c}" : "")}", $"The bot could not {what}: {reason}.", permanent: true);
    }

    private const int ThreadAlreadyCreated = 160004;
}
