using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Npgsql;
using SupportBot.Storage;

namespace SupportBot.Postgres;

public static class PostgresExtensions
{
    /// <summary>
    /// Registers <see cref="PostgresConnection"/>, checked at start (a string that does not parse is a start-up
    /// error naming the setting). Safe to call from every feature that needs it.
    /// </summary>
    public static IServiceCollection AddPostgresConnection(this IServiceCollection services)
    {
        services.AddOptions<PostgresConnection>()
            .Configure<IConfiguration>((o, configuration) => o.ConnectionString = PostgresConnection.Read(configuration))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<PostgresConnection>, PostgresConnectionValidator>());
        return services;
    }

    /// <summary>
    /// Brings the PostgreSQL schema up to date before anything (Quartz, the stores) touches it. True when PostgreSQL
    /// is not configured; false, after one line on stderr naming the setting, when the database cannot be reached
    /// or a migration fails.
    /// </summary>
    public static bool PostgresSchemaReady(this WebApplication app)
    {
        var connection = app.Services.GetRequiredService<IOptions<PostgresConnection>>().Value.ConnectionString;
        if (connection is null)
            return true;
        try
        {
            PostgresSchema.Upgrade(connection, app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(PostgresSchema)));
            return true;
        }
        catch (Exception e) when (e is NpgsqlException or PostgresSchemaException or TimeoutException or InvalidOperationException)
        {
            Console.Error.WriteLine($"SupportBot cannot start: {PostgresConnection.Key} ({PostgresConnection.Describe(connection)}): {e.Message}");
            return false;
        }
    }

    private sealed class PostgresConnectionValidator : IValidateOptions<PostgresConnection>
    {
        public ValidateOptionsResult Validate(string? name, PostgresConnection options) =>
            options.ConnectionString is { } text && PostgresConnection.Problem(text) is { } problem
                ? ValidateOptionsResult.Fail(problem)
                : ValidateOptionsResult.Success;
    }
}
