namespace SupportBot.Metrics;

/// <summary>The <c>Metrics</c> section: the Prometheus scrape endpoint and, with <c>OTEL_EXPORTER_OTLP_ENDPOINT</c>, OTLP export.</summary>
public sealed class MetricsOptions
{
    public const string Section = "Metrics";

    /// <summary>Records the app's instruments (for <c>/metrics</c> and OTLP).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// The management port: the app also listens on it (see <see cref="MetricsListener"/>) and serves <c>/metrics</c>
    /// there only, never on the port Slack and people reach. Unset, <c>/metrics</c> is not served at all (the
    /// instruments still record, and OTLP still exports).
    /// </summary>
    public int? Port { get; set; }
}
