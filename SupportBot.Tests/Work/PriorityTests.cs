using SupportBot.Sla;
using SupportBot.Tests.Infrastructure;
using SupportBot.Tests.Sla;
using SupportBot.Tickets;
using static SupportBot.Tests.Sla.SlaApp;

namespace SupportBot.Tests.Work;

/// <summary><c>/status 12 priority …</c>: the due time follows the priority, from creation, and reminders follow the due time.</summary>
public sealed class PriorityTests : IDisposable
{
    private readonly SupportBotApp _app = Create();

    public void Dispose() => SlaApp.Dispose(_app);

    [Fact]
    public async Task Raising_the_priority_recomputes_the_due_time_from_creation_records_history_and_updates_the_card()
    {
        var number = await _app.CreateTicketAsync("Slow search", priority: "Low");
        _app.Time.Advance(TimeSpan.FromMinutes(10));

        var answer = await _app.CommandAsync("/status", $"{N(number)} priority URGENT");

        var ticket = _app.Ticket(number);
        Assert.Contains("Urgent", answer.Text, StringComparison.Ordinal);
        Assert.Equal(Priority.Urgent, ticket.Priority);
        Assert.Equal(Monday9.UtcDateTime.AddMinutes(30), ticket.FirstResponseDueAt); // 30 min after creation, not after the change
        Assert.Contains(ticket.History, h => h.What == "Priority Low → Urgent" && h.ActorId == TestSettings.Engineer);
        await _app.Slack.WaitForAsync("chat.update", c => c.Text.Contains("Urgent", StringComparison.Ordinal));
        Assert.Matches(@"Priority: Urgent", (await _app.CommandAsync("/status", N(number))).Text);
    }

    [Fact]
    public async Task A_ticket_overdue_by_the_change_is_reminded_once_on_the_next_sweep()
    {
        var number = await _app.CreateTicketAsync("Late one", priority: "Low");
        _app.Time.Advance(TimeSpan.FromMinutes(45));
        var sweep = _app.Get<SlaReminderSweep>();
        Assert.Equal(0, sweep.Run()); // a Low ticket has 8 hours

        await _app.CommandAsync("/status", $"{N(number)} priority urgent"); // 30 minutes: 15 minutes overdue

        Assert.Equal(1, sweep.Run());
        Assert.Equal(0, sweep.Run());
        var note = Assert.Single(await _app.WaitForSlaNotesAsync(number, 1));
        Assert.Contains("SLA breached", note.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("at risk", note.Text, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("whenever")]
    [InlineData("2")]
    [InlineData("urgent,high")]
    [InlineData("")]
    public async Task A_bad_priority_is_refused_with_the_words_to_use_and_nothing_changes(string word)
    {
        var number = await _app.CreateTicketAsync("Bad words");

        var answer = await _app.CommandAsync("/status", $"{N(number)} priority {word}");

        Assert.Contains("urgent, high, normal, low", answer.Text, StringComparison.Ordinal);
        Assert.Equal(Priority.Normal, _app.Ticket(number).Priority);
        Assert.DoesNotContain(_app.Ticket(number).History, h => h.What.StartsWith("Priority", StringComparison.Ordinal));
    }
}
