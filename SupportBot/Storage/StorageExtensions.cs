using LiteDB;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace SupportBot.Storage;

public static class StorageExtensions
{
    public const string ConnectionName = "LiteDb";
    public const string DefaultConnection = "Filename=supportbot.db";

    /// <summary>The embedded LiteDB store: <c>ConnectionStrings:LiteDb</c>, default <c>Filename=supportbot.db</c>.</summary>
    public static IHostApplicationBuilder AddStorage(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton(sp =>
        {
            var connectionString = sp.GetRequiredService<IConfiguration>().GetConnectionString(ConnectionName);
            if (string.IsNullOrWhiteSpace(connectionString))
                connectionString = DefaultConnection;
            var db = LiteDbFactory.Open(connectionString, sp.GetRequiredService<ILoggerFactory>().CreateLogger(nameof(LiteDbFactory)));
            foreach (var setup in sp.GetServices<IStoreSetup>())
                setup.Apply(db);
            return db;
        });
        builder.Services.AddSingleton<StoreGate>();
        builder.Services.AddHealthChecks().AddCheck<LiteDbHealthCheck>("litedb");
        return builder;
    }

    public static IServiceCollection AddStoreSetup(this IServiceCollection services, Action<LiteDatabase> apply) =>
        services.AddSingleton<IStoreSetup>(new StoreSetup(apply));
}

/// <summary>
/// The store is ready when a trivial read answers. A store busy with a long sweep is working, not broken: that is
/// Degraded (still 200), so an orchestrator does not restart a bot for catching up after downtime.
/// </summary>
public sealed class LiteDbHealthCheck(StoreGate gate) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            return Task.FromResult(gate.TryRead(db => db.GetCollectionNames().Count(), TimeSpan.FromMilliseconds(250), out _)
                ? HealthCheckResult.Healthy()
                : HealthCheckResult.Degraded("the store is busy"));
        }
        catch (LiteException e)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy("LiteDB does not answer", e));
        }
    }
}
