using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using SupportBot.Tests.Infrastructure;

namespace SupportBot.Tests.Health;

/// <summary>
/// /health answers from each check's latest result, taken on the check's own timer in the background (on the app's
/// clock): asking it does not run the checks, and a check's failure shows once its timer has run it again.
/// </summary>
public sealed class HealthProbeTests : IDisposable
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(10);
    private readonly CountingCheck _check = new();
    private readonly SupportBotApp _app;

    public HealthProbeTests() => _app = new SupportBotApp(
        new() { ["Health:ProbeInterval"] = "00:00:10" },
        services: s => s.AddHealthChecks().AddCheck("counted", _check));

    public void Dispose()
    {
        _app.Dispose();
        _app.DeleteDatabase();
    }

    /// <summary>Healthy until told to fail; counts its runs.</summary>
    private sealed class CountingCheck : IHealthCheck
    {
        private int _runs;

        public int Runs => Volatile.Read(ref _runs);

        public volatile bool Failing;

        public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref _runs);
            return Task.FromResult(Failing ? HealthCheckResult.Unhealthy("the counted thing broke") : HealthCheckResult.Healthy("fine"));
        }
    }

    [Fact]
    public async Task Asking_health_again_and_again_does_not_run_the_checks()
    {
        var (first, _) = await _app.HealthAsync();
        Assert.Equal(HttpStatusCode.OK, first);
        var runs = _check.Runs;
        Assert.InRange(runs, 1, 2); // the probe's first run, and at most one on demand if /health came first

        for (var i = 0; i < 50; i++)
        {
            await _app.HealthAsync();
            await _app.HealthAsync(SupportBot.Health.HostingExtensions.ReadyPath);
        }

        Assert.Equal(runs, _check.Runs);
    }

    [Fact]
    public async Task A_failing_check_shows_in_health_after_its_next_run_and_not_before()
    {
        var (_, before) = await _app.HealthAsync();
        Assert.Equal("Healthy", before.Status("counted"));
        var runs = _check.Runs;
        _check.Failing = true;

        var (stillCached, cached) = await _app.HealthAsync();
        Assert.Equal(HttpStatusCode.OK, stillCached);
        Assert.Equal("Healthy", cached.Status("counted"));

        _app.Time.Advance(Interval);
        Assert.True(await Eventually.TrueAsync(() => _check.Runs > runs), "the probe's timer did not run the check");
        var after = await _app.HealthWhenAsync("counted", "Unhealthy");

        Assert.Equal("Unhealthy", after.Status("counted"));
        Assert.Equal("the counted thing broke", after.Description("counted"));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await _app.HealthAsync()).Status);
        var checkedAt = DateTimeOffset.Parse(after["checks"]!["counted"]!["checkedAt"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(_app.Time.GetUtcNow(), checkedAt);
    }
}
