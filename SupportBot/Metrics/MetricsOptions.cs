namespace SupportBot.Metrics;

/// <summary>The <c>Metrics</c> section: the Prometheus scrape endpoint and, with <c>OTEL_EXPORTER_OTLP_ENDPOINT</c>, OTLP export.</summary>
public sealed class MetricsOptions
{
    public const string Section = "Metrics";

    /// <summary>Serves <c>/metrics</c> for Prometheus and records the app's instruments.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// When set, <c>/metrics</c> answers only requests that arrive on this port (list it in <c>ASPNETCORE_URLS</c> too),
    /// so the scrape endpoint can stay off the port Slack reaches.
    /// </summary>
    public int? Port { get; set; }
}
