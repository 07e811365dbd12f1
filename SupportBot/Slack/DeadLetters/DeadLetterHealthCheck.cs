using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace SupportBot.Slack.DeadLetters;

/// <summary>Dead letters make the bot Degraded (still 200): it works, but something a person sent was not acted on.</summary>
public sealed class DeadLetterHealthCheck(DeadLetterStore store) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (store.TryCount(TimeSpan.FromMilliseconds(250)) is not { } count)
            return Task.FromResult(HealthCheckResult.Healthy("not counted: the store is busy"));
        var data = new Dictionary<string, object> { ["count"] = count };
        return Task.FromResult(count == 0
            ? HealthCheckResult.Healthy("no dead letters", data)
            : HealthCheckResult.Degraded($"{count} event(s) or interaction(s) could not be handled; see `deadletters list`", data: data));
    }
}
