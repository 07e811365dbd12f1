using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace SupportBot.Postgres;

/// <summary>
/// Degraded while this replica's clock and the database's differ by more than <see cref="PostgresOptions.MaxClockSkew"/>.
/// Leases and expiries go by the database's clock, so a skewed replica stays correct; what it still stamps with its
/// own clock (ticket times, SLA due dates, backoffs) is off by the skew, which an operator should hear of. The
/// database is read between two readings of this clock; half the round trip is allowed either way, so a slow answer
/// is never taken for skew.
/// </summary>
public sealed class ClockSkewHealthCheck(PostgresGate gate, TimeProvider time, IOptions<PostgresOptions> options) : IHealthCheck
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(1);

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var allowed = options.Value.MaxClockSkew;
        if (allowed == TimeSpan.Zero)
            return Task.FromResult(HealthCheckResult.Healthy("clock skew not checked (Postgres:MaxClockSkew is 0)"));
        var before = time.GetUtcNow();
        var started = Stopwatch.GetTimestamp();
        if (!gate.TryRead(s => ((PgSession)s).Scalar<DateTime>("select clock_timestamp()"), Wait, out var database))
            return Task.FromResult(HealthCheckResult.Healthy("clock skew not measured: PostgreSQL did not answer (the postgres check says so)"));
        var roundTrip = Stopwatch.GetElapsedTime(started);
        var skew = before + roundTrip / 2 - new DateTimeOffset(database, TimeSpan.Zero);
        var certain = skew.Duration() - roundTrip / 2; // the least the clocks can differ by, whenever the database read its clock
        var data = new Dictionary<string, object> { ["skewMs"] = (long)skew.TotalMilliseconds, ["roundTripMs"] = (long)roundTrip.TotalMilliseconds };
        if (certain <= allowed)
            return Task.FromResult(HealthCheckResult.Healthy($"this replica's clock is within {Seconds(allowed)} s of the database's", data));
        var direction = skew > TimeSpan.Zero ? "ahead of" : "behind";
        return Task.FromResult(HealthCheckResult.Degraded(
            $"this replica's clock is {Seconds(skew.Duration())} s {direction} the database's, more than Postgres:MaxClockSkew ({Seconds(allowed)} s)",
            data: data));
    }

    private static string Seconds(TimeSpan t) => t.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture);
}
