using SupportBot.Sla;
using SupportBot.Tests.Infrastructure;
using static SupportBot.Tests.Sla.SlaApp;

namespace SupportBot.Tests.Sla;

/// <summary>What was sent is stored on the ticket: a second app on the same database picks up where the first stopped.</summary>
public sealed class SlaRestartTests
{
    [Fact]
    public async Task Restart_does_not_repeat_the_at_risk_warning_but_still_sends_the_breach()
    {
        var first = Create();
        var number = await first.CreateTicketAsync();
        first.Time.Advance(TimeSpan.FromMinutes(95));
        Assert.Equal(1, first.Get<SlaReminderSweep>().Run());
        await first.WaitForSlaNotesAsync(number, 1);
        first.Dispose();

        var second = Create(dbPath: first.DbPath, time: first.Time);
        try
        {
            Assert.Equal(0, second.Get<SlaReminderSweep>().Run());
            second.Time.Advance(TimeSpan.FromMinutes(25));
            Assert.Equal(1, second.Get<SlaReminderSweep>().Run());

            var note = Assert.Single(await second.WaitForSlaNotesAsync(number, 1));
            Assert.Contains("SLA breached", note.Text, StringComparison.Ordinal);
        }
        finally
        {
            SlaApp.Dispose(second);
        }
    }

    [Fact]
    public async Task Due_time_is_stamped_at_creation_and_shown_on_the_triage_card_and_in_status()
    {
        var app = Create(allDay: false); // default hours: Mon–Fri 09:00–17:00; the clock starts Monday 09:00
        try
        {
            var number = await app.CreateTicketAsync("Login loops", priority: "Low");

            Assert.Equal(new DateTime(2025, 1, 6, 17, 0, 0, DateTimeKind.Utc), app.Ticket(number).FirstResponseDueAt);
            var card = (await app.Slack.WaitForAsync("chat.postMessage", c => c.Channel == TestSettings.SupportChannel))[0];
            Assert.Contains("First response due", card.Text, StringComparison.Ordinal);
            Assert.Contains("2025-01-06 17:00 UTC", card.Text, StringComparison.Ordinal);
            Assert.DoesNotContain("SLA", card.Text, StringComparison.OrdinalIgnoreCase);
            var status = await app.CommandAsync("/status", N(number));
            Assert.Contains("SLA due 2025-01-06 17:00 UTC", status.Text, StringComparison.Ordinal);
        }
        finally
        {
            SlaApp.Dispose(app);
        }
    }
}
