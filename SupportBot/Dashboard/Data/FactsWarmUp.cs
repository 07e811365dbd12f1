namespace SupportBot.Dashboard.Data;

/// <summary>
/// Loads the dashboard's facts once the app has started, so the first Reports page after a restart is as fast as
/// the next (reading 100,000 tickets takes seconds; done in chunks, so Slack's requests slip in between).
/// </summary>
public sealed class FactsWarmUp(TicketFacts facts, IHostApplicationLifetime lifetime, ILogger<FactsWarmUp> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource();
        using (lifetime.ApplicationStarted.Register(started.SetResult))
            await started.Task.WaitAsync(stoppingToken);
        await Task.Yield();
        try
        {
            var count = facts.All().Count;
            logger.LogDebug("Dashboard facts loaded for {Count} tickets", count);
        }
        catch (Exception e) when (!stoppingToken.IsCancellationRequested)
        {
            // the first page that needs them tries again
            logger.LogWarning(e, "Loading the dashboard's ticket facts failed; the first dashboard page will load them");
        }
        catch (Exception)
        {
            // stopping: the store may already be closed
        }
    }
}
