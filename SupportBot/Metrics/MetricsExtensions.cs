using Microsoft.Extensions.Options;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace SupportBot.Metrics;

public static class MetricsExtensions
{
    /// <summary>Tag combinations each metric stream keeps apart (see the view in <see cref="AddMetrics"/>).</summary>
    public const int MaxSeriesPerMetric = 200;

    /// <summary>
    /// OpenTelemetry: the app's <see cref="SupportBotMetrics"/>, ASP.NET Core and HttpClient instrumentation, the
    /// Prometheus exporter, and OTLP (metrics and traces) when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set.
    /// </summary>
    public static IHostApplicationBuilder AddMetrics(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddMetrics(); // IMeterFactory, also in hosts built without the web defaults (benchmarks)
        services.AddOptions<MetricsOptions>().BindConfiguration(MetricsOptions.Section).ValidateOnStart();
        services.AddSingleton<SupportBotMetrics>();

        var options = builder.Configuration.GetSection(MetricsOptions.Section).Get<MetricsOptions>() ?? new();
        var appPorts = MetricsListener.AppPorts(builder.Configuration); // before the management port joins them
        services.AddSingleton<IValidateOptions<MetricsOptions>>(new MetricsOptionsValidator(appPorts));
        if (options is { Enabled: true, Port: >= 1 and <= 65535 and var port } && !appPorts.Contains(port))
            MetricsListener.Listen(builder, port);
        var otlp = !string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]);
        if (!options.Enabled && !otlp)
            return builder;
        var telemetry = services.AddOpenTelemetry().WithMetrics(metrics =>
        {
            // System.Runtime: the process gauges (working set, GC heap, threads) the runtime publishes itself
            metrics.AddMeter(SupportBotMetrics.MeterName, "System.Runtime").AddAspNetCoreInstrumentation().AddHttpClientInstrumentation();
            // each metric stream allocates room for its limit of tag combinations up front: 2,000 by default, 7 MB
            // over this app's ~50 streams. The widest here (Slack method × outcome, route × status) has a few dozen;
            // past the limit, values still count, in one overflow series.
            metrics.AddView(_ => new MetricStreamConfiguration { CardinalityLimit = MaxSeriesPerMetric });
            if (options.Enabled)
                metrics.AddPrometheusExporter();
            if (otlp)
                metrics.AddOtlpExporter();
        });
        if (otlp)
            telemetry.WithTracing(tracing => tracing.AddAspNetCoreInstrumentation().AddHttpClientInstrumentation().AddOtlpExporter());
        return builder;
    }

    /// <summary>
    /// <c>GET /metrics</c> in Prometheus' text format, only to connections that arrived on <c>Metrics:Port</c> (the
    /// socket's own port, which no Host header can fake); that port answers nothing else. The app's public
    /// listener never serves it, in any spelling (<c>/metrics/</c>, <c>/METRICS</c>): without the port, nothing does.
    /// </summary>
    public static WebApplication MapMetrics(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<IOptions<MetricsOptions>>().Value;
        if (options is not { Enabled: true, Port: { } port })
            return app;
        app.MapWhen(c => c.Connection.LocalPort == port, management =>
        {
            management.UseOpenTelemetryPrometheusScrapingEndpoint(MetricsPath);
            management.Run(c =>
            {
                c.Response.StatusCode = StatusCodes.Status404NotFound;
                return Task.CompletedTask;
            });
        });
        return app;
    }

    public const string MetricsPath = "/metrics";
}

/// <summary><c>Metrics:Port</c> is a port, and not one the app already listens on for everyone else.</summary>
public sealed class MetricsOptionsValidator(IReadOnlyList<int> appPorts) : IValidateOptions<MetricsOptions>
{
    public ValidateOptionsResult Validate(string? name, MetricsOptions options) => options.Port switch
    {
        < 1 or > 65535 => ValidateOptionsResult.Fail(
            "Metrics:Port must be a TCP port between 1 and 65535 (e.g. 9464), or left empty to serve no /metrics."),
        { } port when appPorts.Contains(port) => ValidateOptionsResult.Fail(
            $"Metrics:Port ({port}) must differ from the app's own port (ASPNETCORE_URLS / ASPNETCORE_HTTP_PORTS): " +
            "/metrics is served on a management port of its own, never on the public listener (e.g. 9464)."),
        _ => ValidateOptionsResult.Success,
    };
}
