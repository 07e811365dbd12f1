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
        services.AddSingleton<IValidateOptions<MetricsOptions>, MetricsOptionsValidator>();
        services.AddSingleton<SupportBotMetrics>();

        var options = builder.Configuration.GetSection(MetricsOptions.Section).Get<MetricsOptions>() ?? new();
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

    /// <summary><c>GET /metrics</c> in Prometheus' text format (only on <c>Metrics:Port</c> when that is set).</summary>
    public static WebApplication MapMetrics(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<IOptions<MetricsOptions>>().Value;
        if (!options.Enabled)
            return app;
        var endpoint = app.MapPrometheusScrapingEndpoint("/metrics");
        if (options.Port is { } port)
            endpoint.RequireHost($"*:{port}");
        return app;
    }
}

public sealed class MetricsOptionsValidator : IValidateOptions<MetricsOptions>
{
    public ValidateOptionsResult Validate(string? name, MetricsOptions options) =>
        options.Port is < 1 or > 65535
            ? ValidateOptionsResult.Fail("Metrics:Port must be a TCP port between 1 and 65535 (or left empty to serve /metrics on the app's port).")
            : ValidateOptionsResult.Success;
}
