using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace SupportBot.Slack.Api;

/// <summary>
/// Degraded, not Unhealthy, while the bot cannot post to <c>Slack:SupportChannel</c>: the store still takes webhooks
/// and mail, and an orchestrator that restarts an unhealthy container would not fix a missing invitation.
/// </summary>
public sealed class SupportChannelHealthCheck(SupportChannelCheck check) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var data = new Dictionary<string, object> { ["channel"] = check.Channel };
        return Task.FromResult(check.Problem is { } problem
            ? HealthCheckResult.Degraded(problem, data: data)
            : HealthCheckResult.Healthy(check.Unknown is { } why
                ? $"Slack:SupportChannel {check.Channel}: not checked ({why})"
                : $"Slack:SupportChannel {check.Channel}: the bot is a member and can post there", data));
    }
}
