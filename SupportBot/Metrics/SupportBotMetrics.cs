using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace SupportBot.Metrics;

/// <summary>
/// The app's own instruments (<c>supportbot_*</c>), the one class features call to count what happened. Counts are
/// recorded after the change committed (the ticket change set's <c>AfterCommit</c>), so a rolled-back change counts
/// nothing. It knows no feature: callers pass plain tags, and features add their gauges as <see cref="MetricsGauge"/>s. With metrics disabled nobody listens and a call costs next to nothing.
/// </summary>
public sealed class SupportBotMetrics
{
    public const string MeterName = "SupportBot";

    private readonly Counter<long> _created;
    private readonly Counter<long> _taken;
    private readonly Counter<long> _solved;
    private readonly Histogram<double> _firstResponse;
    private readonly Counter<long> _slaReminders;
    private readonly Counter<long> _slaBreaches;
    private readonly Counter<long> _slackCalls;
    private readonly Histogram<double> _slackLatency;

    public SupportBotMetrics(IMeterFactory meters, IEnumerable<MetricsGauge> gauges)
    {
        var meter = meters.Create(MeterName);
        foreach (var gauge in gauges)
            meter.CreateObservableGauge(gauge.Name, gauge.Read, description: gauge.Description);
        _created = meter.CreateCounter<long>("supportbot_tickets_created", description: "Tickets created, by source.");
        _taken = meter.CreateCounter<long>("supportbot_tickets_taken", description: "Tickets taken by an engineer.");
        _solved = meter.CreateCounter<long>("supportbot_tickets_solved", description: "Tickets solved, by resolution path.");
        _firstResponse = meter.CreateHistogram<double>("supportbot_first_response_seconds", "s",
            "Wall-clock seconds from creation to the team's first response.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [60, 300, 900, 1800, 3600, 7200, 14400, 28800, 86400, 259200] });
        _slaReminders = meter.CreateCounter<long>("supportbot_sla_reminders", description: "SLA at-risk warnings and reminders sent, by kind.");
        _slaBreaches = meter.CreateCounter<long>("supportbot_sla_breaches", description: "First-response SLA breaches announced.");
        _slackCalls = meter.CreateCounter<long>("supportbot_slack_api_calls", description: "Slack Web API calls, by method and outcome.");
        _slackLatency = meter.CreateHistogram<double>("supportbot_slack_api_seconds", "s", "Slack Web API call latency, by method.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 15] });
    }

    public void TicketCreated(string source) => _created.Add(1, new KeyValuePair<string, object?>("source", source));

    public void TicketTaken() => _taken.Add(1);

    /// <summary>The path is the ticket's resolution when one was recorded, else <c>unspecified</c>.</summary>
    public void TicketSolved(string? path) => _solved.Add(1, new KeyValuePair<string, object?>("path", path ?? "unspecified"));

    public void FirstResponse(TimeSpan after) => _firstResponse.Record(Math.Max(0, after.TotalSeconds));

    public void SlaReminder(string kind) => _slaReminders.Add(1, new KeyValuePair<string, object?>("kind", kind));

    public void SlaBreach() => _slaBreaches.Add(1);

    public void SlackCall(string method, string outcome, TimeSpan elapsed)
    {
        var tags = new TagList { { "method", method }, { "outcome", outcome } };
        _slackCalls.Add(1, tags);
        _slackLatency.Record(elapsed.TotalSeconds, new KeyValuePair<string, object?>("method", method));
    }
}
