using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using SupportBot.Health;
using SupportBot.Time;

namespace SupportBot.Slack.Socket;

/// <summary>
/// With Socket Mode on, Degraded while no connection has been open for longer than <c>Slack:UnreachableAfter</c>:
/// commands, buttons and events do not reach the bot meanwhile (Slack retries events for a while; a command fails
/// for the person). With Socket Mode off it says so.
/// </summary>
public sealed class SocketModeHealthCheck(SocketModeService socket, IOptions<SlackOptions> options, TimeProvider time) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!options.Value.SocketMode)
            return Task.FromResult(HealthCheckResult.Healthy("Socket Mode is off (no Slack:AppToken): Slack calls the bot's HTTPS endpoints"));
        var link = socket.Link;
        if (link.Connected || link.DownSince is not { } since)
            return Task.FromResult(HealthCheckResult.Healthy("Socket Mode is connected"));
        var data = new Dictionary<string, object> { [HealthData.Since] = since };
        if (link.LastError is { } error)
            data["last_error"] = error;
        var down = time.GetUtcNow() - since;
        var what = $"Socket Mode has been disconnected since {HealthData.Stamp(since)} ({Durations.Short(down)})" +
                   (link.LastError is null ? "" : $"; last: {link.LastError}");
        return Task.FromResult(down > options.Value.UnreachableAfter
            ? HealthCheckResult.Degraded(what + "; commands, buttons and events do not reach the bot until it reconnects", data: data)
            : HealthCheckResult.Healthy($"{what}; reconnecting (Degraded after Slack:UnreachableAfter, {options.Value.UnreachableAfter:c})", data));
    }
}
