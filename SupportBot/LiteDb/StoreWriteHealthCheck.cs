using Microsoft.Extensions.Diagnostics.HealthChecks;
using SupportBot.Storage;

namespace SupportBot.LiteDb;

/// <summary>
/// Unhealthy while writes do not reach the disk (full, failing): the bot then refuses every change it is asked for.
/// While failing, each check tries one small write itself, so health comes back on its own once space is freed,
/// even if no request writes in the meantime.
/// </summary>
public sealed class StoreWriteHealthCheck(StoreGate gate, TimeProvider time) : IHealthCheck
{
    public const string Collection = "health";

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!gate.WriteFailing)
            return Task.FromResult(HealthCheckResult.Healthy());
        try
        {
            var probed = gate.TryWrite(db => db.GetCollection(Collection).Upsert(new LiteDB.BsonDocument
            {
                ["_id"] = "write-probe", ["at"] = time.GetUtcNow().UtcDateTime,
            }), TimeSpan.FromMilliseconds(250));
            return Task.FromResult(probed && !gate.WriteFailing
                ? HealthCheckResult.Healthy("writes reach the store again")
                : HealthCheckResult.Unhealthy("writes do not reach the store"));
        }
        catch (StoreWriteFailedException e)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy("writes do not reach the store (disk full or failing?)", e));
        }
    }
}
