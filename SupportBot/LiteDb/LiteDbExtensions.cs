using LiteDB;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SupportBot.Health;
using SupportBot.Storage;

namespace SupportBot.LiteDb;

public static class LiteDbExtensions
{
    /// <summary>
    /// The embedded LiteDB store, unless <c>ConnectionStrings:Postgres</c> chose PostgreSQL (<see cref="StoreEngine"/>):
    /// <c>ConnectionStrings:LiteDb</c>, default <c>Filename=supportbot.db</c>, with its daily backups.
    /// </summary>
    public static IHostApplicationBuilder AddLiteDbStore(this IHostApplicationBuilder builder)
    {
        if (StoreEngine.IsPostgres(builder.Configuration))
            return builder;
        builder.Services.TryAddSingleton<LiteDbOpener>((connection, mapper) => new LiteDatabase(connection, mapper));
        builder.Services.AddSingleton(sp => new StoreFile(StoreEngine.LiteDbConnectionString(sp.GetRequiredService<IConfiguration>()),
            sp.GetRequiredService<LiteDbOpener>(), sp.GetRequiredService<ILogger<StoreFile>>(),
            FlushToDisk(sp.GetRequiredService<IConfiguration>())));
        builder.Services.AddSingleton<StoreGate>();
        builder.Services.AddSingleton<IStoreGate>(sp => sp.GetRequiredService<StoreGate>());
        builder.Services.AddOptions<BackupOptions>().BindConfiguration(BackupOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<StoreBackup>();
        builder.Services.AddSingleton<IStoreBackup>(sp => sp.GetRequiredService<StoreBackup>());
        builder.Services.AddHostedService<StoreRequests>();
        builder.Services.AddSingleton<StoreCheck>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<StoreCheck>());
        builder.Services.AddHealthChecks()
            .AddCheck<LiteDbHealthCheck>("litedb", tags: [HealthTags.Ready])
            .AddCheck<StoreWriteHealthCheck>("store-writes", tags: [HealthTags.Ready]);
        return builder;
    }

    public const string FlushToDiskKey = "Storage:FlushToDisk";

    /// <summary><c>Storage:FlushToDisk</c>, default true: every commit is on the disk (fsync) before it is acknowledged.</summary>
    public static bool FlushToDisk(IConfiguration configuration) => configuration[FlushToDiskKey] switch
    {
        null or "" => true,
        var text when bool.TryParse(text, out var flush) => flush,
        var text => throw new StoreUnavailableException($"{FlushToDiskKey} is '{text}'; it must be true or false.", null),
    };
}
