using SupportBot.Sla;
using SupportBot.Tests.Infrastructure;
using static SupportBot.Tests.Sla.SlaApp;

namespace SupportBot.Tests.Sla;

/// <summary>Normal priority: 2 h target, at risk after 1 h 30 m, all-day business hours, sweeps run by hand.</summary>
public sealed class SlaReminderSweepTests : IDisposable
{
    private readonly SupportBotApp _app = Create(new()
    {
        ["Sla:NagEvery"] = "00:30:00",
        ["Sla:MaxNags"] = "3",
        ["Sla:EscalateTo:0"] = "S0ONCALL",
    });

    public void Dispose() => SlaApp.Dispose(_app);

    private int Sweep() => _app.Get<SlaReminderSweep>().Run();

    [Fact]
    public async Task At_risk_warning_is_sent_once_and_names_ticket_customer_wait_and_target()
    {
        var number = await _app.CreateTicketAsync("Code search is empty");
        _app.Time.Advance(TimeSpan.FromMinutes(89));
        Assert.Equal(0, Sweep());

        _app.Time.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(1, Sweep());
        Assert.Equal(0, Sweep());
        _app.Time.Advance(TimeSpan.FromMinutes(20));
        Assert.Equal(0, Sweep());

        var note = Assert.Single(await _app.WaitForSlaNotesAsync(number, 1));
        foreach (var part in new[] { "risk", "Code search is empty", "Acme Corp", "1h 30m", "2h", "unassigned" })
            Assert.Contains(part, note.Text, StringComparison.Ordinal);
        Assert.Contains("take_ticket", note.Args.ToJsonString(), StringComparison.Ordinal);
        Assert.DoesNotContain("subteam", note.Text, StringComparison.Ordinal); // escalation is for breaches only
    }

    [Fact]
    public async Task Breach_then_nags_every_NagEvery_capped_at_MaxNags_without_the_word_risk()
    {
        var number = await _app.CreateTicketAsync();
        _app.Time.Advance(TimeSpan.FromHours(2));
        Assert.Equal(1, Sweep()); // the at-risk warning was overtaken by the breach: one message, not two

        var nags = 0;
        for (var i = 0; i < 12; i++)
        {
            _app.Time.Advance(TimeSpan.FromMinutes(15));
            nags += Sweep();
        }

        Assert.Equal(3, nags);
        var notes = await _app.WaitForSlaNotesAsync(number, 4);
        Assert.Equal(4, notes.Count);
        Assert.Contains("SLA breached", notes[0].Text, StringComparison.Ordinal);
        Assert.Contains("SLA reminder 3/3", notes[3].Text, StringComparison.Ordinal);
        Assert.All(notes, n => Assert.DoesNotContain("risk", n.Text, StringComparison.OrdinalIgnoreCase));
        Assert.All(notes, n => Assert.Contains("<!subteam^S0ONCALL>", n.Text, StringComparison.Ordinal));
        Assert.Null(_app.Ticket(number).Sla.NextCheckAt);
    }

    [Fact]
    public async Task Nag_mentions_the_assignee_and_has_no_take_button_once_taken()
    {
        var number = await _app.CreateTicketAsync();
        await _app.CommandAsync("/take", N(number)); // taking is not a first response: the clock keeps running
        _app.Time.Advance(TimeSpan.FromHours(2));
        Assert.Equal(1, Sweep());

        var note = Assert.Single(await _app.WaitForSlaNotesAsync(number, 1));
        Assert.Contains($"<@{TestSettings.Engineer}>", note.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("take_ticket", note.Args.ToJsonString(), StringComparison.Ordinal);
        Assert.DoesNotContain("subteam", note.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task No_reminder_after_a_status_change_by_the_team()
    {
        var number = await _app.CreateTicketAsync();
        await _app.CommandAsync("/take", N(number));
        await _app.CommandAsync("/status", $"{number} pending waiting for logs");
        Assert.Null(_app.Ticket(number).Sla.NextCheckAt);

        _app.Time.Advance(TimeSpan.FromHours(5));

        Assert.Equal(0, Sweep());
        Assert.Empty(_app.SlaNotes(number));
    }

    [Fact]
    public async Task No_reminder_once_FirstResponseAt_is_set_by_another_feature()
    {
        var number = await _app.CreateTicketAsync();
        _app.Get<SupportBot.Tickets.TicketStore>().Change(set =>
        {
            var ticket = set.Find(number)!;
            ticket.FirstResponseAt = set.Now; // what an engineer's thread reply records, without any SLA hook
            set.Update(ticket);
            return ticket;
        });
        _app.Time.Advance(TimeSpan.FromHours(3));

        Assert.Equal(0, Sweep());
        Assert.Null(_app.Ticket(number).Sla.NextCheckAt); // looked at once, then out of the index range
        Assert.Empty(_app.SlaNotes(number));
    }

    [Fact]
    public async Task Reminders_missed_while_down_are_sent_once_then_resume_from_now()
    {
        var number = await _app.CreateTicketAsync();
        _app.Time.Advance(TimeSpan.FromHours(10)); // at-risk, breach and every nag slot passed while "down"

        Assert.Equal(1, Sweep());
        Assert.Equal(0, Sweep());
        _app.Time.Advance(TimeSpan.FromMinutes(29));
        Assert.Equal(0, Sweep());
        _app.Time.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(1, Sweep());

        var notes = await _app.WaitForSlaNotesAsync(number, 2);
        Assert.Contains("SLA breached", notes[0].Text, StringComparison.Ordinal);
        Assert.Contains("10h 0m", notes[0].Text, StringComparison.Ordinal);
        Assert.Contains("SLA reminder 1/3", notes[1].Text, StringComparison.Ordinal);
    }
}
