namespace SupportBot.Home;

/// <summary>Republishes the Home tabs that ticket changes marked due; a tab that fails is retried on the next pass.</summary>
public sealed class HomeRefresher(HomeTabs tabs, HomePublisher publisher, TimeProvider time, ILogger<HomeRefresher> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // a delay per pass, not a PeriodicTimer: a test clock moved by hours then wakes this once, not once per second
        while (!stoppingToken.IsCancellationRequested)
        {
            await Task.Delay(Interval, time, stoppingToken);
            RunOnce();
        }
    }

    public int RunOnce()
    {
        var done = 0;
        try
        {
            foreach (var tab in tabs.Due(time.GetUtcNow().UtcDateTime))
            {
                publisher.Refresh(tab);
                done++;
            }
        }
        catch (Exception e)
        {
            logger.LogError(e, "Refreshing App Home tabs failed; the next pass tries again");
        }
        return done;
    }
}
