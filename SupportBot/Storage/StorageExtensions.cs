using LiteDB;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using SupportBot.Storage.Postgres;

namespace SupportBot.Storage;

public static class StorageExtensions
{
    public const string ConnectionName = "LiteDb";
    public const string DefaultConnection = "Filename=supportbot.db";

    /// <summary>
    /// PostgreSQL when <c>ConnectionStrings:Postgres</c> is set (several replicas can share it); else the embedded LiteDB
    /// store: <c>ConnectionStrings:LiteDb</c>, default <c>Filename=supportbot.db</c>.
    /// </summary>
    public static IHostApplicationBuilder AddStorage(this IHostApplicationBuilder builder)
    {
        // both stores block a request's thread while its write commits (Npgsql is called synchronously here too)
        KeepThreadsForWaitingWriters();
        builder.Services.AddPostgresConnection();
        builder.Services.AddSingleton<ReplicaIdentity>();
        if (PostgresConnection.Read(builder.Configuration) is { } postgres)
            return builder.AddPostgresStore(postgres);
        builder.Services.TryAddSingleton<LiteDbOpener>((connection, mapper) => new LiteDatabase(connection, mapper));
        builder.Services.AddSingleton(sp => new StoreFile(ConnectionString(sp.GetRequiredService<IConfiguration>()),
            sp.GetRequiredService<LiteDbOpener>(), sp.GetRequiredService<ILogger<StoreFile>>(),
            FlushToDisk(sp.GetRequiredService<IConfiguration>()), sp.GetServices<IStoreWarmUp>()));
        builder.Services.AddSingleton<StoreGate>();
        builder.Services.AddSingleton<IStoreGate>(sp => sp.GetRequiredService<StoreGate>());
        builder.Services.AddOptions<BackupOptions>().BindConfiguration(BackupOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<StoreBackup>();
        builder.Services.AddHostedService<BackupRequests>();
        builder.Services.AddHealthChecks()
            .AddCheck<LiteDbHealthCheck>("litedb")
            .AddCheck<StoreWriteHealthCheck>("store-writes");
        return builder;
    }

    /// <summary>Worker threads the pool starts without delay; see <see cref="KeepThreadsForWaitingWriters"/>.</summary>
    public const int MinWorkerThreads = 80;

    /// <summary>
    /// A write blocks its thread until its group is committed (the store's API is synchronous, as LiteDB is). With the
    /// pool's default minimum (one thread per core) 64 waiting requests leave no thread to read the next requests,
    /// which would join the next group, and the pool adds threads only about one a second: measured 1,034 vs 1,833
    /// submissions/s and p99 147 vs 82 ms at 64 connections.
    /// </summary>
    private static void KeepThreadsForWaitingWriters()
    {
        ThreadPool.GetMinThreads(out var workers, out var io);
        if (workers < MinWorkerThreads)
            ThreadPool.SetMinThreads(MinWorkerThreads, io);
    }

    public static string ConnectionString(IConfiguration configuration) =>
        configuration.GetConnectionString(ConnectionName) is { Length: > 0 } configured && !string.IsNullOrWhiteSpace(configured)
            ? configured
            : DefaultConnection;

    public const string FlushToDiskKey = "Storage:FlushToDisk";

    /// <summary><c>Storage:FlushToDisk</c>, default true: every commit is on the disk (fsync) before it is acknowledged.</summary>
    public static bool FlushToDisk(IConfiguration configuration) => configuration[FlushToDiskKey] switch
    {
        null or "" => true,
        var text when bool.TryParse(text, out var flush) => flush,
        var text => throw new StoreUnavailableException($"{FlushToDiskKey} is '{text}'; it must be true or false.", null),
    };

    /// <summary>
    /// Opens the store before the host starts (reading a LiteDB file whole once) and puts the seeds in. False (after
    /// one line on stderr naming the store and what to do) when it is damaged, locked by another process or its
    /// folder is not writable.
    /// </summary>
    public static bool StoreOpens(this WebApplication app)
    {
        try
        {
            var gate = app.Services.GetRequiredService<IStoreGate>();
            gate.Open();
            foreach (var seed in app.Services.GetServices<IStoreSeed>())
                gate.Write(seed.Seed);
            return true;
        }
        catch (StoreUnavailableException e)
        {
            Console.Error.WriteLine($"SupportBot cannot start: {e.Message}");
            return false;
        }
    }
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
        catch (Exception e) when (e is LiteException or IOException or ObjectDisposedException or StoreUnavailableException)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy("LiteDB does not answer", e));
        }
    }
}
