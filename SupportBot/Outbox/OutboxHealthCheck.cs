using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace SupportBot.Outbox;

/// <summary>
/// The outbox's backlog and the messages Slack refused for good. Set-aside messages make the bot Degraded (still
/// 200): it works, but somebody did not hear what the bot owed them until an operator runs <c>outbox retry</c>.
/// </summary>
public sealed class OutboxHealthCheck(OutboxStore store) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (store.TryCount(TimeSpan.FromMilliseconds(250)) is not var (pending, setAside))
            return Task.FromResult(HealthCheckResult.Healthy("not counted: the store is busy"));
        var data = new Dictionary<string, object> { ["pending"] = pending, ["set_aside"] = setAside };
        return Task.FromResult(setAside == 0
            ? HealthCheckResult.Healthy("nothing set aside", data)
            : HealthCheckResult.Degraded($"{setAside} message(s) set aside; see `outbox list`, replay with `outbox retry`", data: data));
    }
}
