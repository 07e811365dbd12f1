using Microsoft.Extensions.Diagnostics.HealthChecks;
using SupportBot.Health;

namespace SupportBot.Slack.Api;

/// <summary>
/// Unhealthy while Slack refuses a token (revoked, invalid, deactivated), naming the token, the call, the error and
/// since when. Whether Slack answers at all is <see cref="SlackApiHealthCheck"/>'s question.
/// </summary>
public sealed class SlackAuthHealthCheck(SlackAuthState state) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var refused = state.Refused.ToList();
        if (refused.Count == 0)
            return Task.FromResult(HealthCheckResult.Healthy("Slack has refused no token"));
        var data = refused.ToDictionary(r => r.Key, r => (object)$"{r.Value.Error} from {r.Value.Method} at {r.Value.At:O}");
        data[HealthData.Since] = refused.Min(r => r.Value.Since);
        var reason = string.Join("; ", refused.Select(r =>
            $"Slack refused the {r.Key}: {r.Value.Error} ({r.Value.Method}) since {HealthData.Stamp(r.Value.Since)}"));
        return Task.FromResult(HealthCheckResult.Unhealthy(reason, data: data));
    }
}
