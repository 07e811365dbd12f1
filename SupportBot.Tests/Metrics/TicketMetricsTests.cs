using SupportBot.Sla;
using SupportBot.Tests.Infrastructure;
using SupportBot.Tests.Sla;
using SupportBot.Tickets;
using static SupportBot.Tests.Sla.SlaApp;

namespace SupportBot.Tests.Metrics;

/// <summary>Exact counts of one app's instruments as tickets move: SLA notices, first responses, solves by path.</summary>
public sealed class TicketMetricsTests : IDisposable
{
    private readonly SupportBotApp _app = Create(new() { ["Sla:NagEvery"] = "00:30:00", ["Sla:MaxNags"] = "3" });
    private readonly MeasurementRecorder _recorded;

    public TicketMetricsTests() => _recorded = new MeasurementRecorder(_app);

    public void Dispose()
    {
        _recorded.Dispose();
        SlaApp.Dispose(_app);
    }

    [Fact]
    public async Task Sla_warnings_breaches_and_reminders_are_counted_apart()
    {
        await _app.CreateTicketAsync();
        var sweep = _app.Get<SlaReminderSweep>();

        _app.Time.Advance(TimeSpan.FromMinutes(90));
        sweep.Run();
        _app.Time.Advance(TimeSpan.FromMinutes(30));
        sweep.Run();
        _app.Time.Advance(TimeSpan.FromMinutes(30));
        sweep.Run();

        Assert.Equal(1, _recorded.Sum("supportbot_sla_reminders", ("kind", "at_risk")));
        Assert.Equal(1, _recorded.Sum("supportbot_sla_breaches"));
        Assert.Equal(1, _recorded.Sum("supportbot_sla_reminders", ("kind", "reminder")));
    }

    [Fact]
    public async Task First_response_and_solve_by_resolution_path_are_recorded_once()
    {
        var number = await _app.CreateTicketAsync();
        Assert.Equal(1, _recorded.Sum("supportbot_tickets_created", ("source", "RequestForm")));
        _app.Time.Advance(TimeSpan.FromMinutes(10));
        await _app.CommandAsync("/take", N(number));
        await _app.CommandAsync("/status", $"{number} open");
        _app.Get<TicketStore>().Change(set =>
        {
            var t = set.Find(number)!;
            t.Resolution = new TicketResolution { Path = ResolutionPath.Defect, Link = "https://issues.example.com/1", At = set.Now };
            set.Update(t);
            return true;
        });
        await _app.CommandAsync("/status", $"{number} solved defect https://issues.example.com/1");
        await _app.CommandAsync("/status", $"{number} closed");

        Assert.Equal(1, _recorded.Sum("supportbot_tickets_taken"));
        Assert.Equal([600.0], _recorded.Values("supportbot_first_response_seconds"));
        Assert.Equal(1, _recorded.Sum("supportbot_tickets_solved", ("path", "Defect")));
        Assert.Equal(1, _recorded.Sum("supportbot_tickets_solved"));
    }
}
