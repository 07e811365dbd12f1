using Microsoft.Extensions.Diagnostics.HealthChecks;
using SupportBot.Health;

namespace SupportBot.Outbox;

/// <summary>
/// The outbox's backlog and the messages set aside (refused for good, or given up on). Set-aside messages make the bot
/// Degraded (still 200): it works, but somebody did not hear what the bot owed them until their cause clears or a
/// person retries them on the dashboard's Undelivered page.
/// </summary>
public sealed class OutboxHealthCheck(OutboxStore store) : IHealthCheck
{
    /// <summary>The dashboard page that lists set-aside messages and retries them.</summary>
    public const string UndeliveredPage = "/undelivered";

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (store.TryTally(TimeSpan.FromMilliseconds(250)) is not var (pending, setAside, oldest))
            return Task.FromResult(HealthCheckResult.Healthy("not counted: the store is busy"));
        var data = new Dictionary<string, object> { ["pending"] = pending, ["set_aside"] = setAside };
        if (oldest is not { } at)
            return Task.FromResult(HealthCheckResult.Healthy("nothing set aside", data));
        var since = new DateTimeOffset(DateTime.SpecifyKind(at, DateTimeKind.Utc));
        data[HealthData.Since] = since;
        return Task.FromResult(HealthCheckResult.Degraded(
            $"{setAside} message(s) set aside, the oldest since {HealthData.Stamp(since)}: the dashboard's Undelivered page " +
            $"({UndeliveredPage}) says why and retries them (or `outbox list`, `outbox retry`)", data: data));
    }
}
