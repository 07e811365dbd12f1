using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace SupportBot.Slack.Api;

/// <summary>Unhealthy while Slack refuses a token (revoked, invalid, deactivated), naming the token, the call and the error.</summary>
public sealed class SlackAuthHealthCheck(SlackAuthState state) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var refused = state.Refused;
        if (refused.Count == 0)
            return Task.FromResult(HealthCheckResult.Healthy("Slack accepts the tokens (or has not been asked yet)"));
        var data = refused.ToDictionary(r => r.Key, r => (object)$"{r.Value.Error} from {r.Value.Method} at {r.Value.At:O}");
        var reason = string.Join("; ", refused.Select(r => $"Slack refused the {r.Key}: {r.Value.Error} ({r.Value.Method})"));
        return Task.FromResult(HealthCheckResult.Unhealthy(reason, data: data));
    }
}
