using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace SupportBot.Health;

public static class HostingExtensions
{
    /// <summary>One clock for the whole app, so tests can swap in a FakeTimeProvider.</summary>
    public static IHostApplicationBuilder AddTime(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddProblemDetails();
        return builder;
    }

    public const string ReadyPath = "/health/ready";

    /// <summary>
    /// <c>GET /health</c>, for people and monitoring: 200 when healthy or degraded (Slack silent, Socket Mode
    /// disconnected, messages set aside), 503 when unhealthy (the store cannot take writes, Slack refuses a token),
    /// always with JSON detail per check. <c>GET /health/ready</c>, for load balancers and container health checks:
    /// only the <see cref="HealthTags.Ready"/> checks, so it is 503 only while this replica cannot store what it
    /// receives.
    /// Both answer from the checks' latest results (<see cref="HealthResults"/>), each timestamped.
    /// </summary>
    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder app)
    {
        app.Map("/health", (HttpContext context, HealthResults results) => AnswerAsync(context, results, _ => true));
        app.Map(ReadyPath, (HttpContext context, HealthResults results) =>
            AnswerAsync(context, results, check => check.Tags.Contains(HealthTags.Ready)));
        return app;
    }

    /// <summary>The health checks, each on its own timer in the background (<see cref="HealthOptions"/>).</summary>
    public static IHostApplicationBuilder AddHealthProbes(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<HealthOptions>().BindSettings(HealthOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddHealthChecks();
        builder.Services.AddSingleton<HealthResults>();
        builder.Services.AddHostedService<HealthProbes>();
        return builder;
    }

    private static async Task AnswerAsync(HttpContext context, HealthResults results, Func<HealthCheckRegistration, bool> predicate)
    {
        var latest = await results.ReadAsync(predicate, context.RequestAborted);
        var report = new HealthReport(latest.ToDictionary(r => r.Key, r => r.Value.Entry), TimeSpan.Zero);
        // 503 only when unhealthy, as the framework's endpoint answers; never cached by a proxy
        context.Response.StatusCode = report.Status == HealthStatus.Unhealthy ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status200OK;
        context.Response.Headers.CacheControl = "no-store, no-cache";
        await HealthJson.WriteAsync(context, report, latest.ToDictionary(r => r.Key, r => r.Value.At));
    }

    /// <summary>
    /// A last line of defence: a request that reaches an unexpected failure (a body that cannot be read) gets a
    /// plain 400 with a reason instead of a 500 and a stack trace.
    /// </summary>
    public static WebApplication UseSafeErrors(this WebApplication app)
    {
        app.UseExceptionHandler(errors => errors.Run(async context =>
        {
            var error = context.Features.Get<IExceptionHandlerFeature>()?.Error;
            var badRequest = error is BadHttpRequestException or JsonException or InvalidDataException;
            context.Response.StatusCode = badRequest ? StatusCodes.Status400BadRequest : StatusCodes.Status500InternalServerError;
            await context.Response.WriteAsJsonAsync(new { error = badRequest ? "The request could not be read." : "Internal error; nothing was changed." });
        }));
        return app;
    }
}
