using LiteDB;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using SupportBot.Storage;

namespace SupportBot.LiteDb;

/// <summary>
/// The store is ready when a trivial read answers. A store busy with a long sweep is working, not broken: that is
/// Degraded (still 200), so an orchestrator does not restart a bot for catching up after downtime. A file the
/// <see cref="StoreCheck"/> found damaged is Unhealthy while the app stops.
/// </summary>
public sealed class LiteDbHealthCheck(StoreGate gate, StoreCheck check) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (check.Damage is { } damage)
            return Task.FromResult(HealthCheckResult.Unhealthy(damage));
        try
        {
            return Task.FromResult(gate.TryRead(db => db.GetCollectionNames().Count(), TimeSpan.FromMilliseconds(250), out _)
                ? HealthCheckResult.Healthy()
                : HealthCheckResult.Degraded("the store is busy"));
        }
        catch (Exception e) when (e is LiteException or IOException or ObjectDisposedException or StoreUnavailableException)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy("LiteDB does not answer", e));
        }
    }
}
