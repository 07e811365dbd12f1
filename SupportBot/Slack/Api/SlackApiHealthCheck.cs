using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using SupportBot.Health;
using SupportBot.Time;

namespace SupportBot.Slack.Api;

/// <summary>
/// Degraded while Slack has not answered the bot for longer than <c>Slack:UnreachableAfter</c> (network errors, 5xx,
/// timeouts), naming the last failure and since when: what the bot owes waits in the outbox meanwhile, so nothing is
/// lost, but nobody hears from it. Not Unhealthy: restarting the bot does not bring Slack back.
/// </summary>
public sealed class SlackApiHealthCheck(SlackReachability reachability, IOptions<SlackOptions> options, TimeProvider time) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var data = new Dictionary<string, object>();
        if (reachability.LastAnswer is { } answered)
            data["last_answer"] = answered;
        if (reachability.Silent is not { } silence)
            return Task.FromResult(HealthCheckResult.Healthy(
                data.Count == 0 ? "Slack has not been asked yet" : "Slack answers", data));
        data[HealthData.Since] = silence.Since;
        data["last_error"] = $"{silence.Error} ({silence.Method})";
        data["last_tried"] = silence.LastTried;
        var silent = time.GetUtcNow() - silence.Since;
        var what = $"Slack has not answered since {HealthData.Stamp(silence.Since)} ({Durations.Short(silent)}); last: {silence.Error} ({silence.Method})";
        return Task.FromResult(silent > options.Value.UnreachableAfter
            ? HealthCheckResult.Degraded(what + "; owed messages wait in the outbox", data: data)
            : HealthCheckResult.Healthy($"{what}; Degraded after Slack:UnreachableAfter ({options.Value.UnreachableAfter:c})", data));
    }
}
