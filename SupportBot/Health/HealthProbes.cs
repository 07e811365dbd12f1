using Microsoft.Extensions.Options;

namespace SupportBot.Health;

/// <summary>
/// Runs every health check on a timer of its own (<see cref="HealthOptions.ProbeInterval"/>, on the app's clock), so a
/// slow check never delays another, and keeps the results in <see cref="HealthResults"/> for <c>/health</c>.
/// </summary>
public sealed class HealthProbes(HealthResults results, IOptions<HealthOptions> options, TimeProvider time) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = options.Value.ProbeInterval;
        if (interval == TimeSpan.Zero)
            return Task.CompletedTask; // checks run per request
        return Task.WhenAll(results.Registrations.Select(r => Task.Run(async () =>
        {
            using var timer = new PeriodicTimer(interval, time);
            do
            {
                await results.RunAsync(r, stoppingToken);
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }, stoppingToken)));
    }

}
