using SupportBot.Slack.Api;

namespace SupportBot.Threads;

/// <summary>The bot's own user and bot ids, from <c>auth.test</c>.</summary>
public sealed record BotUser(string UserId, string? BotId);

/// <summary>
/// Asks <c>auth.test</c> once and remembers the answer. Never on the request path: the warm-up runs in the
/// background and handlers ask from the event processor. While Slack does not answer, callers get null (and
/// fall back to <c>bot_id</c> checks); another attempt is made at most once a minute.
/// </summary>
public sealed class BotIdentity(SlackApiClient slack, TimeProvider time, ILogger<BotIdentity> logger)
{
    private static readonly TimeSpan RetryEvery = TimeSpan.FromMinutes(1);
    private readonly Lock _sync = new();
    private BotUser? _known;
    private Task<BotUser?>? _inFlight;
    private DateTimeOffset _lastAttempt = DateTimeOffset.MinValue;

    public BotUser? Known => Volatile.Read(ref _known);

    public async Task<BotUser?> ResolveAsync(CancellationToken cancellationToken)
    {
        Task<BotUser?>? attempt;
        lock (_sync)
        {
            if (_known is not null)
                return _known;
            var now = time.GetUtcNow();
            if (_inFlight is null && now - _lastAttempt >= RetryEvery)
            {
                _lastAttempt = now;
                _inFlight = FetchAsync();
            }
            attempt = _inFlight;
        }
        return attempt is null ? null : await attempt.WaitAsync(cancellationToken);
    }

    private async Task<BotUser?> FetchAsync()
    {
        try
        {
            var (userId, botId) = await slack.AuthTestAsync(CancellationToken.None);
            var user = string.IsNullOrEmpty(userId) ? null : new BotUser(userId, botId);
            Volatile.Write(ref _known, user);
            return user;
        }
        catch (Exception e) when (e is SlackApiException or KeyNotFoundException or InvalidOperationException)
        {
            logger.LogWarning("auth.test failed ({Error}); telling the bot's own messages apart by bot_id only for now", e.Message);
            return null;
        }
        finally
        {
            lock (_sync)
                _inFlight = null;
        }
    }
}

/// <summary>Learns the bot's identity right after start, without holding up start-up or /health.</summary>
public sealed class BotIdentityWarmup(BotIdentity identity) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => identity.ResolveAsync(stoppingToken);
}
