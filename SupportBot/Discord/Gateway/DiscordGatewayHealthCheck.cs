using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using SupportBot.Health;

namespace SupportBot.Discord.Gateway;

/// <summary>
/// "discord": Healthy while the Gateway is connected (or Discord is off), Degraded while it reconnects (Discord
/// keeps the session's events meanwhile), Unhealthy once Discord refused the token or the intents: no Discord
/// message reaches the bot until someone fixes the setting the description names.
/// </summary>
public sealed class DiscordGatewayHealthCheck(DiscordGatewayStatus status, IOptions<DiscordOptions> options) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!options.Value.Enabled)
            return Task.FromResult(HealthCheckResult.Healthy("Discord is off (no Discord:BotToken)"));
        var now = status.Now;
        if (now.FatalReason is { } fatal)
            return Task.FromResult(HealthCheckResult.Unhealthy($"The Discord Gateway stopped: {fatal}"));
        if (now.Connected)
            return Task.FromResult(HealthCheckResult.Healthy($"The Discord Gateway is connected (session {now.SessionId})"));
        var data = new Dictionary<string, object>();
        if (now.DownSince is { } since)
            data[HealthData.Since] = since;
        return Task.FromResult(HealthCheckResult.Degraded(
            "The Discord Gateway is reconnecting" + (now.LastError is { } error ? $"; last: {error}" : ""), data: data));
    }
}
