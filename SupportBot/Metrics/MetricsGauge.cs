namespace SupportBot.Metrics;

/// <summary>
/// A value read at scrape time from where it is kept (the outbox's own rows, say), so no counter can drift from it.
/// A feature registers its gauges as singletons; <see cref="SupportBotMetrics"/> publishes them all.
/// </summary>
public sealed record MetricsGauge(string Name, string Description, Func<int> Read);
