using Microsoft.Extensions.Options;

namespace SupportBot.Slack.Api;

/// <summary>
/// While Slack is silent, asks it (<c>api.test</c>) every half <c>Slack:UnreachableAfter</c> unless another call
/// did meanwhile, so /health sees Slack back even when nothing else is owed to it; an answer of any kind ends the
/// silence. While Slack answers, it asks nothing.
/// </summary>
public sealed class SlackReachabilityProbe(SlackReachability reachability, SlackApiClient slack, IOptions<SlackOptions> options,
    TimeProvider time, ILogger<SlackReachabilityProbe> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var every = options.Value.UnreachableAfter / 2;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(every, time, stoppingToken);
                if (reachability.Silent is { } silence && time.GetUtcNow() - silence.LastTried >= every)
                    await slack.PingAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                logger.LogDebug("Slack still does not answer: {Error}", e.Message); // the client recorded it for /health
            }
        }
    }
}
