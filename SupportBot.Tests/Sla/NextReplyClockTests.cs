using SupportBot.Sla;
using SupportBot.Tests.Infrastructure;
using SupportBot.Tests.Threads;
using static SupportBot.Tests.Sla.SlaApp;

namespace SupportBot.Tests.Sla;

/// <summary>Next reply 1 h, at risk at half: the clock starts at a customer's message after the first response.</summary>
public sealed class NextReplyClockTests : IDisposable
{
    private static readonly Dictionary<string, string?> Settings = new() { ["Sla:NextReply"] = "01:00:00", ["Sla:AtRisk"] = "0.5" };

    private readonly SupportBotApp _app = Create(Settings);

    public void Dispose() => SlaApp.Dispose(_app);

    private int Sweep() => _app.Get<SlaReminderSweep>().Run();

    /// <summary>A taken ticket whose engineer answered in the thread: the first response is done.</summary>
    private async Task<(int Number, string Thread)> AnsweredAsync()
    {
        var number = await _app.CreateTicketAsync();
        await _app.CommandAsync("/take", N(number));
        var thread = await _app.ThreadOfAsync(number);
        await _app.ReplyAsync(thread, TestSettings.Engineer, "Which version are you on?");
        await _app.WaitForTicketAsync(number, t => t.FirstResponseAt is not null);
        return (number, thread);
    }

    private async Task CustomerWritesAsync(int number, string thread, string text = "5.2.1, still failing")
    {
        var before = _app.Ticket(number).Conversation.CustomerReplies;
        await _app.ReplyAsync(thread, TestSettings.Customer, text);
        await _app.WaitForTicketAsync(number, t => t.Conversation.CustomerReplies > before);
    }

    [Fact]
    public async Task Customer_message_after_the_first_response_is_warned_once_and_breached_once_mentioning_the_assignee()
    {
        var (number, thread) = await AnsweredAsync();
        _app.Time.Advance(TimeSpan.FromHours(3)); // nobody waits: no clock runs
        Assert.Equal(0, Sweep());

        await CustomerWritesAsync(number, thread);
        _app.Time.Advance(TimeSpan.FromMinutes(29));
        Assert.Equal(0, Sweep());
        _app.Time.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(1, Sweep());
        Assert.Equal(0, Sweep());
        _app.Time.Advance(TimeSpan.FromMinutes(30));
        Assert.Equal(1, Sweep());

        var notes = await _app.WaitForSlaNotesAsync(number, 2);
        Assert.Contains("SLA at risk", notes[0].Text, StringComparison.Ordinal);
        Assert.Contains("1h 0m next-reply target", notes[0].Text, StringComparison.Ordinal);
        Assert.Contains("SLA breached", notes[1].Text, StringComparison.Ordinal);
        Assert.Contains("for a next reply", notes[1].Text, StringComparison.Ordinal);
        Assert.All(notes, n => Assert.Contains($"<@{TestSettings.Engineer}>", n.Text, StringComparison.Ordinal));
        Assert.Empty(_app.Slack.Find("chat.postMessage", c => c.Channel == TestSettings.CustomerChannel && c.Text.Contains("SLA", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_public_answer_stops_the_clock_and_records_the_wait_for_reports()
    {
        var (number, thread) = await AnsweredAsync();
        await CustomerWritesAsync(number, thread, "first message");
        _app.Time.Advance(TimeSpan.FromMinutes(10));
        await CustomerWritesAsync(number, thread, "second message: one run, one clock");
        Assert.Equal(_app.Ticket(number).Sla.NextReply.StartedAt!.Value.AddHours(1), _app.Ticket(number).Sla.NextReply.DueAt);
        _app.Time.Advance(TimeSpan.FromMinutes(10));
        await _app.ReplyAsync(thread, TestSettings.Engineer, "Upgrade to 5.2.2, that fixes it.");
        var answered = await _app.WaitForTicketAsync(number, t => t.Sla.ReplyWaits.Count == 1 && t.Sla.ReplyWaits[0].AnsweredAt is not null);

        var wait = answered.Sla.ReplyWaits[0];
        Assert.Equal(20, wait.Waited!.Value.TotalMinutes, 0.01); // each event comes a millisecond after the last
        Assert.Equal(TestSettings.Engineer, wait.AnsweredBy);
        Assert.True(wait.Met());
        Assert.Null(answered.Sla.NextReply.DueAt);
        _app.Time.Advance(TimeSpan.FromHours(5));
        Assert.Equal(0, Sweep());
        Assert.Empty(_app.SlaNotes(number));
    }

    [Fact]
    public async Task An_internal_note_is_not_an_answer()
    {
        var (number, thread) = await AnsweredAsync();
        await CustomerWritesAsync(number, thread);
        await _app.CommandAsync("/status", $"{number} note asked the search team");
        _app.Time.Advance(TimeSpan.FromHours(1));

        Assert.Equal(1, Sweep());
        Assert.Contains("SLA breached", Assert.Single(await _app.WaitForSlaNotesAsync(number, 1)).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_customer_message_reopens_a_pending_ticket_and_starts_the_clock_and_status_shows_it()
    {
        var (number, thread) = await AnsweredAsync();
        await _app.CommandAsync("/status", $"{number} pending waiting for logs");
        _app.Time.Advance(TimeSpan.FromHours(2));
        await CustomerWritesAsync(number, thread, "here are the logs");

        var ticket = await _app.WaitForTicketAsync(number, t => t.Status == SupportBot.Tickets.TicketStatus.Open);
        Assert.Equal(_app.Time.GetUtcNow().UtcDateTime.AddHours(1), ticket.Sla.NextReply.DueAt!.Value, TimeSpan.FromSeconds(1));
        var status = await _app.CommandAsync("/status", N(number));
        Assert.Contains("next reply 1h 0m", status.Text, StringComparison.Ordinal);
        Assert.Contains($"Next reply: due {SupportBot.Time.Durations.Stamp(ticket.Sla.NextReply.DueAt!.Value)}", status.Text, StringComparison.Ordinal);
        _app.Time.Advance(TimeSpan.FromHours(1));
        Assert.Equal(1, Sweep());
    }

    [Fact]
    public async Task Solving_ends_the_wait_and_a_later_message_starts_a_new_one_from_its_own_time()
    {
        var (number, thread) = await AnsweredAsync();
        await CustomerWritesAsync(number, thread);
        await _app.CommandAsync("/status", $"{number} solved confirmed");
        await _app.WaitForTicketAsync(number, t => t.Sla.NextReply.DueAt is null);
        _app.Time.Advance(TimeSpan.FromHours(6));
        await CustomerWritesAsync(number, thread, "it came back");

        var ticket = await _app.WaitForTicketAsync(number, t => t.Status == SupportBot.Tickets.TicketStatus.Open);
        Assert.Equal(_app.Time.GetUtcNow().UtcDateTime.AddHours(1), ticket.Sla.NextReply.DueAt!.Value, TimeSpan.FromSeconds(1));
        Assert.Equal(0, Sweep()); // not breached at once by the message before the solve
    }

    [Fact]
    public async Task A_restart_neither_repeats_the_warning_nor_forgets_the_breach()
    {
        var (number, thread) = await AnsweredAsync();
        await CustomerWritesAsync(number, thread);
        _app.Time.Advance(TimeSpan.FromMinutes(30));
        Assert.Equal(1, Sweep());
        await _app.WaitForSlaNotesAsync(number, 1);
        _app.Dispose();

        var second = Create(Settings, dbPath: _app.DbPath, time: _app.Time);
        try
        {
            Assert.Equal(0, second.Get<SlaReminderSweep>().Run());
            second.Time.Advance(TimeSpan.FromMinutes(30));
            Assert.Equal(1, second.Get<SlaReminderSweep>().Run());
            Assert.Equal(0, second.Get<SlaReminderSweep>().Run());
            Assert.Contains("for a next reply", Assert.Single(await second.WaitForSlaNotesAsync(number, 1)).Text, StringComparison.Ordinal);
        }
        finally
        {
            second.Dispose();
        }
    }
}
