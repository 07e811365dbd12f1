using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Npgsql;
using SupportBot.Health;
using SupportBot.Storage;

using SupportBot.Tickets;

namespace SupportBot.Postgres;

public static class PostgresStore
{
    /// <summary>
    /// Every store on PostgreSQL when <c>ConnectionStrings:Postgres</c> is set (<see cref="StoreEngine"/>), through one
    /// pooled data source; the schema is upgraded at start. The setting is checked at start either way.
    /// </summary>
    public static IHostApplicationBuilder AddPostgresStore(this IHostApplicationBuilder builder)
    {
        builder.Services.AddPostgresConnection();
        return PostgresConnection.Read(builder.Configuration) is { } connectionString ? builder.AddPostgresStore(connectionString) : builder;
    }

    private static IHostApplicationBuilder AddPostgresStore(this IHostApplicationBuilder builder, string connectionString)
    {
        builder.Services.AddOptions<PostgresOptions>().BindSettings(PostgresOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton(sp => BotSessions(connectionString, sp.GetRequiredService<IOptions<PostgresOptions>>().Value));
        builder.Services.AddSingleton(sp => new PostgresGate(sp.GetRequiredService<NpgsqlDataSource>(),
            sp.GetRequiredService<ILogger<PostgresGate>>(), sp.GetRequiredService<IOptions<PostgresOptions>>().Value, sp.GetRequiredService<TimeProvider>()));
        builder.Services.AddSingleton<IStoreGate>(sp => sp.GetRequiredService<PostgresGate>());
        builder.Services.AddHealthChecks().AddCheck<PostgresHealthCheck>("postgres", tags: [HealthTags.Ready])
            .AddCheck<ClockSkewHealthCheck>("postgres-clock");
        // before the features' hosted services, so its horizon is fixed before they load what is stored
        builder.Services.AddHostedService<TicketFeed>();
        return builder;
    }

    private const string MaxAutoPrepareKey = "Max Auto Prepare";

    /// <summary>Statements each session keeps prepared: more than the bot's distinct hot statements.</summary>
    public const int AutoPrepared = 100;

    /// <summary>The bot's pool: every session it opens lets the server end a transaction left idle (a paused replica's).</summary>
    internal static NpgsqlDataSource BotSessions(string connectionString, PostgresOptions options)
    {
        var sessions = new NpgsqlDataSourceBuilder(connectionString);
        var given = sessions.ConnectionStringBuilder.Options;
        sessions.ConnectionStringBuilder.Options = string.IsNullOrWhiteSpace(given) ? options.SessionOptions() : $"{given} {options.SessionOptions()}";
        // the bot runs a few dozen statements over and over: prepared once per session, the server no longer parses
        // and plans each (a form's write is ~7 small statements); the connection string's own setting wins
        if (!new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString }.ContainsKey(MaxAutoPrepareKey))
            sessions.ConnectionStringBuilder.MaxAutoPrepare = AutoPrepared;
        return sessions.Build();
    }
}

/// <summary>
/// Healthy when the database answers a read within a second and takes writes: a read-only database (or a standby
/// a failover left the bot on) is Unhealthy, named as such, since every change would be refused.
/// </summary>
public sealed class PostgresHealthCheck(PostgresGate gate) : IHealthCheck
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(1);
    public const string ReadOnly = "the database is read-only";

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            if (!gate.TryRead(s => ((PgSession)s).Scalar<bool>(TakesNoWrites), Wait, out var readOnly))
                return Task.FromResult(HealthCheckResult.Unhealthy("PostgreSQL does not answer"));
            if (readOnly)
            {
                // seen here first when no write has been refused yet: the probe may run between the two
                gate.RefusedAsReadOnly();
                return Task.FromResult(HealthCheckResult.Unhealthy(ReadOnly, data: Since()));
            }
            if (gate.WriteFailing)
                gate.Write(s => s.Tickets.HighestNumber()); // a write that commits clears the failure, even with no requests
            return Task.FromResult(HealthCheckResult.Healthy());
        }
        catch (StoreWriteFailedException e) when (e.Failure == StoreFailure.ReadOnly)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy(ReadOnly, e, Since()));
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException or InvalidOperationException or StoreWriteFailedException)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy("PostgreSQL does not answer", e));
        }
    }

    /// <summary>What a new transaction of the bot's would be: read-only by default, or on a server in recovery (a standby).</summary>
    private const string TakesNoWrites = "select current_setting('transaction_read_only') = 'on' or pg_is_in_recovery()";

    private Dictionary<string, object> Since() =>
        gate.ReadOnlySince is { } since ? new() { [HealthData.Since] = since } : [];
}
