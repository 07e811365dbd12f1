using SupportBot.Sla;
using SupportBot.Tests.Infrastructure;
using SupportBot.Tickets;
using static SupportBot.Tests.Sla.SlaApp;

namespace SupportBot.Tests.Sla;

/// <summary>Defaults: two follow-ups inside 48 business hours (all-day hours here: at 16 h and 32 h), solved at 48 h.</summary>
public sealed class PendingSweepTests : IDisposable
{
    private readonly SupportBotApp _app = Create();

    public void Dispose() => SlaApp.Dispose(_app);

    private int Sweep() => _app.Get<PendingSweep>().Run();

    private Task<(int Number, string Thread)> PendingTicketAsync() => _app.PendingTicketAsync("SSO fails");

    private IReadOnlyList<SlackCall> ThreadMessages(string thread, string containing) =>
        _app.Slack.Find("chat.postMessage", c => c.ThreadTs == thread && c.Text.Contains(containing, StringComparison.Ordinal));

    [Fact]
    public async Task Pending_ticket_gets_two_follow_ups_then_is_solved_and_everyone_is_told()
    {
        var (number, thread) = await PendingTicketAsync();

        _app.Time.Advance(TimeSpan.FromHours(15.9));
        Assert.Equal(0, Sweep());
        _app.Time.Advance(TimeSpan.FromHours(0.1));
        Assert.Equal(1, Sweep());
        _app.Time.Advance(TimeSpan.FromHours(16));
        Assert.Equal(1, Sweep());
        _app.Time.Advance(TimeSpan.FromHours(15.9));
        Assert.Equal(0, Sweep());
        Assert.Equal(TicketStatus.Pending, _app.Ticket(number).Status);
        _app.Time.Advance(TimeSpan.FromHours(0.1));
        Assert.Equal(1, Sweep());

        var ticket = _app.Ticket(number);
        Assert.Equal(TicketStatus.Solved, ticket.Status);
        Assert.Contains(ticket.History, h => h.ActorId is null && h.What.StartsWith("Pending → Solved", StringComparison.Ordinal));
        Assert.Null(ticket.Sla.PendingNextAt);
        Assert.NotNull(ticket.Sla.AutoCloseAt);
        Assert.Equal((ResolutionPath.NoReply, null), (ticket.Resolution!.Path, ticket.Resolution.SolvedBy));
        await _app.Slack.WaitForAsync("chat.postMessage", c => c.Channel == TestSettings.Ce && c.Text.Contains("no-reply", StringComparison.Ordinal));
        await _app.Slack.WaitForAsync("chat.postMessage", c => c.ThreadTs == thread && c.Text.Contains("marked", StringComparison.Ordinal));
        await _app.Slack.WaitForAsync("chat.postMessage", c => c.Channel == TestSettings.Engineer);
        Assert.Equal(2, ThreadMessages(thread, "checking in").Count);
        Assert.Contains("reopen", Assert.Single(ThreadMessages(thread, "marked")).Text, StringComparison.Ordinal);
        var dm = Assert.Single(_app.Slack.Find("chat.postMessage", c => c.Channel == TestSettings.Engineer));
        Assert.Contains($"#{number}", dm.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Follow_ups_missed_while_down_are_sent_once_not_in_a_burst()
    {
        var (number, thread) = await PendingTicketAsync();

        _app.Time.Advance(TimeSpan.FromHours(40)); // both follow-up slots passed
        Assert.Equal(1, Sweep());
        Assert.Equal(0, Sweep());
        _app.Time.Advance(TimeSpan.FromHours(8));
        Assert.Equal(1, Sweep());

        Assert.Equal(TicketStatus.Solved, _app.Ticket(number).Status);
        await _app.Slack.WaitForAsync("chat.postMessage", c => c.ThreadTs == thread && c.Text.Contains("marked", StringComparison.Ordinal));
        Assert.Single(ThreadMessages(thread, "checking in"));
    }

    [Fact]
    public async Task Leaving_pending_stops_the_follow_ups()
    {
        var (number, thread) = await PendingTicketAsync();
        await _app.CommandAsync("/status", $"{number} open customer answered");
        Assert.Null(_app.Ticket(number).Sla.PendingNextAt);

        _app.Time.Advance(TimeSpan.FromDays(3));

        Assert.Equal(0, Sweep());
        Assert.Equal(TicketStatus.Open, _app.Ticket(number).Status);
        Assert.Empty(ThreadMessages(thread, "checking in"));
    }

    [Fact]
    public async Task Pending_clock_counts_business_hours_only()
    {
        var app = Create(allDay: false); // Mon–Fri 09:00–17:00 from Monday 09:00
        try
        {
            var number = await app.CreateTicketAsync();
            await app.CommandAsync("/status", $"{number} pending");

            // 48 business hours = six working days: Monday 09:00 + 6 days of 8 h = the next Monday 17:00
            Assert.Equal(new DateTime(2025, 1, 13, 17, 0, 0, DateTimeKind.Utc), app.Ticket(number).Sla.AutoSolveAt);
            Assert.Equal(new DateTime(2025, 1, 7, 17, 0, 0, DateTimeKind.Utc), app.Ticket(number).Sla.PendingNextAt);
        }
        finally
        {
            SlaApp.Dispose(app);
        }
    }
    /// <summary>
    /// A Pending ticket whose record lacks the instant it went Pending (a store filled by other means) threw on every
    /// scan and rolled back the whole batch: no other ticket got its follow-up, and the job failed every minute.
    /// Its clock is armed again from now, and the others are acted on.
    /// </summary>
    [Fact]
    public async Task A_pending_ticket_without_its_start_is_armed_again_and_the_others_still_get_their_follow_ups()
    {
        var (_, thread) = await PendingTicketAsync();
        var (broken, _) = await _app.PendingTicketAsync("Export stalls");
        _app.Get<TicketStore>().Change(set =>
        {
            var ticket = set.Find(broken)!;
            ticket.Sla.PendingSince = null;
            set.Update(ticket);
            return 0;
        });

        _app.Time.Advance(TimeSpan.FromHours(16));
        Assert.Equal(1, Sweep());

        await _app.Slack.WaitForAsync("chat.postMessage", c => c.ThreadTs == thread && c.Text.Contains("checking in", StringComparison.Ordinal));
        var rearmed = _app.Ticket(broken);
        Assert.Equal((TicketStatus.Pending, _app.Time.GetUtcNow().UtcDateTime), (rearmed.Status, rearmed.Sla.PendingSince));
        Assert.True(rearmed.Sla.PendingNextAt > _app.Time.GetUtcNow().UtcDateTime);
    }
}
