using Microsoft.Extensions.Options;

namespace SupportBot.Dashboard.Data;

/// <summary>
/// Loads the dashboard's facts once the app has started, so the first Reports page after a restart is as fast as
/// the next (reading 100,000 tickets takes seconds; done in chunks, so Slack's requests slip in between). It waits
/// <see cref="DashboardOptions.WarmUpDelay"/> first, so a start-up's own work (the outbox catching up) goes first.
/// </summary>
public sealed class FactsWarmUp(TicketFacts facts, IHostApplicationLifetime lifetime, IOptions<DashboardOptions> options,
    ILogger<FactsWarmUp> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource();
        using (lifetime.ApplicationStarted.Register(started.SetResult))
            await started.Task.WaitAsync(stoppingToken);
        // real time, not the app's clock: this is about the machine's start-up load, not about ticket deadlines
        await Task.Delay(options.Value.WarmUpDelay, stoppingToken);
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
