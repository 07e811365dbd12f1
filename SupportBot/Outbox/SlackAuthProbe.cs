using Microsoft.Extensions.Options;
using SupportBot.Slack.Api;

namespace SupportBot.Outbox;

/// <summary>
/// While Slack refuses the bot token the outbox holds every Slack call, so nothing would ever learn that it works
/// again (a reinstalled app, a token put back): this asks <c>auth.test</c> at start and every
/// <see cref="OutboxOptions.AuthProbeInterval"/> while the token is refused or messages wait on it, and on success puts
/// those messages back in line.
/// </summary>
public sealed class SlackAuthProbe(SlackApiClient slack, SlackAuthState auth, OutboxStore store, OutboxHealing healing, OutboxSignal signal,
    TimeProvider time, IOptions<OutboxOptions> options, ILogger<SlackAuthProbe> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            await ProbeAsync(stoppingToken);
            try
            {
                await Task.Delay(options.Value.AuthProbeInterval, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>True when the token works and nothing waits on it any more.</summary>
    public async Task<bool> ProbeAsync(CancellationToken cancellationToken)
    {
        try
        {
            var refused = auth.Refused.ContainsKey(SlackAuthState.BotToken);
            if (!refused && !store.FailedMessages().Any(m => m.Cause == OutboxCauses.SlackAuth))
                return true;
            await slack.AuthTestAsync(cancellationToken); // a success clears the refusal
            var healed = healing.Heal(OutboxCauses.SlackAuth);
            logger.LogInformation("Slack accepts the bot token again; {Count} set-aside message(s) back in the outbox", healed);
            signal.Notify(); // the held lanes go on too
            return true;
        }
        catch (SlackApiException e)
        {
            logger.LogWarning("Slack still refuses the bot token ({Error}); asking again in {Interval}", e.Error, options.Value.AuthProbeInterval);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "Checking the bot token failed; asking again in {Interval}", options.Value.AuthProbeInterval);
        }
        return false;
    }
}
