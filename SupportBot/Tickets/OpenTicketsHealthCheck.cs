using Microsoft.Extensions.Diagnostics.HealthChecks;
using SupportBot.Storage;

namespace SupportBot.Tickets;

/// <summary>
/// Degraded (still 200) while the open tickets load after start, naming how far it got: the replica takes and
/// stores requests meanwhile; only the queue and "my tickets" ask to try again in a few seconds.
/// </summary>
public sealed class OpenTicketsHealthCheck(OpenTickets open, IStoreGate gate) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(gate.Shared || open.IsLoaded
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Degraded($"loading the open tickets: {open.ReadSoFar:N0} read so far"));
}
