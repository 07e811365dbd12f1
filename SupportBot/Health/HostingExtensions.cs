using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;

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

    /// <summary>
    /// <c>GET /health</c>: 200 when healthy or degraded, 503 when unhealthy (the store does not answer, Slack refuses
    /// a token), always with JSON detail per check.
    /// </summary>
    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks("/health", new HealthCheckOptions { ResponseWriter = HealthJson.WriteAsync });
        return app;
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
