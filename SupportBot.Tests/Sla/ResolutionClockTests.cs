using SupportBot.Sla;
using SupportBot.Tests.Infrastructure;
using SupportBot.Tests.Threads;
using SupportBot.Tickets;
using static SupportBot.Tests.Sla.SlaApp;

namespace SupportBot.Tests.Sla;

/// <summary>Resolution 4 h, at risk at half: counts in New and Open, pauses in Pending and On-hold, kept across a reopen.</summary>
public sealed class ResolutionClockTests : IDisposable
{
    private readonly SupportBotApp _app = Create(new() { ["Sla:Resolution"] = "04:00:00", ["Sla:AtRisk"] = "0.5", ["Sla:NagEvery"] = "10:00:00" });

    public void Dispose() => SlaApp.Dispose(_app);

    private int Sweep() => _app.Get<SlaReminderSweep>().Run();

    [Fact]
    public async Task Pending_pauses_it_and_a_reopen_keeps_what_was_used()
    {
        var number = await _app.CreateTicketAsync();
        await _app.CommandAsync("/take", N(number));
        var thread = await _app.ThreadOfAsync(number);
        await _app.ReplyAsync(thread, TestSettings.Engineer, "Looking");
        await _app.WaitForTicketAsync(number, t => t.Status == TicketStatus.Open);
        _app.Time.Advance(TimeSpan.FromHours(1));
        await _app.CommandAsync("/status", $"{number} pending waiting for logs");
        Assert.Equal(1, _app.Ticket(number).Sla.ResolutionUsed.TotalHours, 0.001); // each event comes a millisecond after the last

        _app.Time.Advance(TimeSpan.FromHours(10)); // an unpaused clock would have breached long ago
        Assert.Equal(0, Sweep());
        Assert.Contains("paused while Pending (1h 0m of 4h 0m used)", (await _app.CommandAsync("/status", N(number))).Text, StringComparison.Ordinal);

        await _app.ReplyAsync(thread, TestSettings.Customer, "Here are the logs");
        var reopened = await _app.WaitForTicketAsync(number, t => t.Status == TicketStatus.Open);
        var now = _app.Time.GetUtcNow().UtcDateTime;
        Assert.Equal(now.AddHours(3), reopened.Sla.Resolution.DueAt!.Value, TimeSpan.FromSeconds(1));

        _app.Time.Advance(TimeSpan.FromHours(1));
        Assert.Equal(1, Sweep()); // 2 h used: at risk
        _app.Time.Advance(TimeSpan.FromHours(2));
        Assert.Equal(1, Sweep()); // 4 h used: breached, 3 h after the reopen (4 h if it had restarted)
        var notes = await _app.WaitForSlaNotesAsync(number, 2);
        Assert.Contains("SLA at risk", notes[0].Text, StringComparison.Ordinal);
        Assert.Contains("4h 0m resolution target", notes[0].Text, StringComparison.Ordinal);
        Assert.Contains("without a resolution", notes[1].Text, StringComparison.Ordinal);
        Assert.All(notes, n => Assert.Contains($"<@{TestSettings.Engineer}>", n.Text, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Solved_in_time_is_met_and_shown_on_the_card_and_status()
    {
        var number = await _app.CreateTicketAsync();
        var card = await _app.Slack.WaitForAsync("chat.postMessage", c => c.Channel == TestSettings.SupportChannel && c.Text.Contains($"#{number} ", StringComparison.Ordinal));
        Assert.Contains("Resolution target", card[0].Args.ToJsonString(), StringComparison.Ordinal);
        Assert.Contains(SupportBot.Time.Durations.Stamp(_app.Ticket(number).CreatedAt.AddHours(4)), card[0].Args.ToJsonString(), StringComparison.Ordinal);

        _app.Time.Advance(TimeSpan.FromHours(3));
        await _app.CommandAsync("/status", $"{number} solved confirmed");

        var solved = _app.Ticket(number);
        Assert.Equal(TimeSpan.FromHours(3), solved.Sla.ResolutionUsed);
        Assert.True(solved.Sla.ResolutionMet(solved.Status));
        Assert.Null(solved.Sla.NextCheckAt);
        Assert.Contains("Resolution target: met (3h 0m of 4h 0m used)", (await _app.CommandAsync("/status", N(number))).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_restart_neither_repeats_the_warning_nor_forgets_the_breach()
    {
        var number = await _app.CreateTicketAsync();
        await _app.CommandAsync("/take", N(number));
        await _app.CommandAsync("/status", $"{number} open");
        _app.Time.Advance(TimeSpan.FromHours(2));
        Assert.Equal(1, Sweep());
        await _app.WaitForSlaNotesAsync(number, 1);
        _app.Dispose();

        var second = Create(new() { ["Sla:Resolution"] = "04:00:00", ["Sla:AtRisk"] = "0.5", ["Sla:NagEvery"] = "10:00:00" }, dbPath: _app.DbPath, time: _app.Time);
        try
        {
            Assert.Equal(0, second.Get<SlaReminderSweep>().Run());
            second.Time.Advance(TimeSpan.FromHours(2));
            Assert.Equal(1, second.Get<SlaReminderSweep>().Run());
            Assert.Contains("SLA breached", Assert.Single(await second.WaitForSlaNotesAsync(number, 1)).Text, StringComparison.Ordinal);
        }
        finally
        {
            second.Dispose();
        }
    }
}
