using Microsoft.Extensions.Diagnostics.HealthChecks;
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
        builder.Services.AddSingleton(_ => NpgsqlDataSource.Create(connectionString));
        builder.Services.AddSingleton<PostgresGate>();
        builder.Services.AddSingleton<IStoreGate>(sp => sp.GetRequiredService<PostgresGate>());
        builder.Services.AddHealthChecks().AddCheck<PostgresHealthCheck>("postgres", tags: [HealthTags.Ready]);
        // before the features' hosted services, so its horizon is fixed before they load what is stored
        builder.Services.AddHostedService<TicketFeed>();
        return builder;
    }
}

/// <summary>Healthy when the database answers a read within a second and takes a write.</summary>
public sealed class PostgresHealthCheck(PostgresGate gate) : IHealthCheck
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(1);

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            if (!gate.TryRead(s => s.Tickets.HighestNumber(), Wait, out _))
                return Task.FromResult(HealthCheckResult.Unhealthy("PostgreSQL does not answer"));
            if (gate.WriteFailing)
                gate.Write(s => s.Tickets.HighestNumber()); // a write that commits clears the failure, even with no requests
            return Task.FromResult(HealthCheckResult.Healthy());
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException or InvalidOperationException or StoreWriteFailedException)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy("PostgreSQL does not answer", e));
        }
    }
}
