using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace SupportBot.Health;

/// <summary>A check's latest result and when it was taken.</summary>
public sealed record CheckedResult(HealthReportEntry Entry, DateTimeOffset At);

/// <summary>
/// Each registered check's latest result, run by <see cref="HealthProbes"/> on its own timer and read by
/// <c>/health</c>: a request costs a dictionary read, not the checks (three of which read the store). A check not
/// yet run is run once on demand; with <see cref="HealthOptions.ProbeInterval"/> zero every request runs them.
/// </summary>
public sealed class HealthResults(IOptions<HealthCheckServiceOptions> checks, IOptions<HealthOptions> options,
    IServiceScopeFactory scopes, TimeProvider time, ILogger<HealthResults> logger)
{
    private readonly ConcurrentDictionary<string, CheckedResult> _latest = new(StringComparer.Ordinal);

    public IEnumerable<HealthCheckRegistration> Registrations => checks.Value.Registrations;

    public async Task<IReadOnlyDictionary<string, CheckedResult>> ReadAsync(Func<HealthCheckRegistration, bool> predicate, CancellationToken cancellationToken)
    {
        var perRequest = options.Value.ProbeInterval == TimeSpan.Zero;
        var selected = Registrations.Where(predicate).ToList();
        var results = await Task.WhenAll(selected.Select(r =>
            !perRequest && _latest.TryGetValue(r.Name, out var cached) ? Task.FromResult(cached) : RunAsync(r, cancellationToken)));
        return selected.Zip(results).ToDictionary(p => p.First.Name, p => p.Second, StringComparer.Ordinal);
    }

    /// <summary>Runs one check now (bounded by its timeout), keeps its result and says when its status changes.</summary>
    public async Task<CheckedResult> RunAsync(HealthCheckRegistration registration, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        HealthCheckResult result;
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            using var bounded = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            if (registration.Timeout != Timeout.InfiniteTimeSpan)
                bounded.CancelAfter(registration.Timeout);
            var check = registration.Factory(scope.ServiceProvider);
            result = await check.CheckHealthAsync(new HealthCheckContext { Registration = registration }, bounded.Token);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // a check that throws says what failed, as the framework's own runner reports it
            result = new HealthCheckResult(registration.FailureStatus, e.Message, e);
        }
        var entry = new HealthReportEntry(result.Status, result.Description, Stopwatch.GetElapsedTime(started),
            result.Exception, result.Data, registration.Tags);
        var latest = new CheckedResult(entry, time.GetUtcNow());
        var changed = _latest.TryGetValue(registration.Name, out var before)
            ? before.Entry.Status != entry.Status
            : entry.Status != HealthStatus.Healthy;
        if (changed) // once per change, not once per run: the probe runs every few seconds
            logger.LogWarning("Health check {Check} is {Status}: {Description}", registration.Name, entry.Status, entry.Description);
        _latest[registration.Name] = latest;
        return latest;
    }
}
