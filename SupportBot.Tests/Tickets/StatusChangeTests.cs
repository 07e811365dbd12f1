using System.Globalization;
using SupportBot.Tests.Infrastructure;
using SupportBot.Tickets;

namespace SupportBot.Tests.Tickets;

/// <summary>
/// <c>/status N word [note]</c>: the accepted spellings, the rules, and their side effects. One app for all: each test
/// changes a ticket of its own ({0} in a spelling is its number).
/// </summary>
public sealed class StatusChangeTests(SharedApp shared) : SharedAppTest(shared)
{
    private static string Spelled(string text, int number) => string.Format(CultureInfo.InvariantCulture, text, number);

    [Theory]
    [InlineData("{0} pending", TicketStatus.Pending)]
    [InlineData("#{0} pending", TicketStatus.Pending)]
    [InlineData("#{0} PENDING", TicketStatus.Pending)]
    [InlineData("{0} Open", TicketStatus.Open)]
    [InlineData("{0} hold", TicketStatus.OnHold)]
    [InlineData("{0} on hold", TicketStatus.OnHold)]
    [InlineData("{0} On Hold", TicketStatus.OnHold)]
    [InlineData("{0} on-hold", TicketStatus.OnHold)]
    [InlineData("#{0} ON-HOLD", TicketStatus.OnHold)]
    [InlineData("{0} solved confirmed", TicketStatus.Solved)]
    [InlineData("  #{0}   solved   confirmed ", TicketStatus.Solved)]
    public async Task Status_changes_accept_the_ways_people_type_them(string text, TicketStatus expected)
    {
        var number = await NewTicketAsync();

        var answer = await CommandAsync("/status", Spelled(text, number));

        Assert.Contains($"#{number} is now *{expected.Display()}*", answer.Text, StringComparison.Ordinal);
        Assert.Equal(expected, Ticket(number).Status);
    }

    [Theory]
    [InlineData("{0} pending waiting for logs from the customer", TicketStatus.Pending, "waiting for logs from the customer")]
    [InlineData("{0} on hold vendor bug VND-7", TicketStatus.OnHold, "vendor bug VND-7")]
    [InlineData("{0} hold vendor bug", TicketStatus.OnHold, "vendor bug")]
    public async Task A_note_is_recorded_in_the_history(string text, TicketStatus expected, string note)
    {
        var number = await NewTicketAsync();

        await CommandAsync("/status", Spelled(text, number));

        var ticket = Ticket(number);
        Assert.Equal(expected, ticket.Status);
        var entry = ticket.History[^1];
        Assert.Equal(TestSettings.Engineer, entry.ActorId);
        Assert.Equal($"New → {expected.Display()}: {note}", entry.What);
    }

    [Fact]
    public async Task A_status_change_updates_the_triage_card()
    {
        var number = await NewTicketAsync();
        Assert.True(await Eventually.TrueAsync(() => Ticket(number).TriageTs is not null));

        await CommandAsync("/status", $"{number} on-hold");

        var update = Assert.Single(await TriageCardUpdatesAsync(number));
        Assert.Contains("On-hold", update.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Nothing_goes_back_to_new_and_the_answer_lists_what_is_allowed()
    {
        var number = await NewTicketAsync();
        await CommandAsync("/status", $"{number} open");

        var answer = await CommandAsync("/status", $"{number} new");

        Assert.Contains("never goes back to New", answer.Text, StringComparison.Ordinal);
        Assert.Contains("pending, on-hold, solved", answer.Text, StringComparison.Ordinal);
        Assert.Equal(TicketStatus.Open, Ticket(number).Status);
    }

    [Fact]
    public async Task Closed_is_final()
    {
        var number = await NewTicketAsync();
        await CommandAsync("/status", $"{number} solved confirmed");
        await CommandAsync("/status", $"{number} closed");
        var history = Ticket(number).History.Count;

        var answer = await CommandAsync("/status", $"{number} open");

        Assert.Contains("Closed is final", answer.Text, StringComparison.Ordinal);
        Assert.Equal(TicketStatus.Closed, Ticket(number).Status);
        Assert.Equal(history, Ticket(number).History.Count);
        Assert.NotNull(Ticket(number).ClosedAt);
    }

    [Fact]
    public async Task A_solved_ticket_reopens_to_open()
    {
        var number = await NewTicketAsync();
        await CommandAsync("/status", $"{number} solved confirmed");

        var refused = await CommandAsync("/status", $"{number} pending");
        var reopened = await CommandAsync("/status", $"{number} open");

        Assert.Contains("reopened (open) first", refused.Text, StringComparison.Ordinal);
        Assert.Contains("open, closed", refused.Text, StringComparison.Ordinal);
        Assert.Contains($"#{number} is now *Open*", reopened.Text, StringComparison.Ordinal);
        Assert.Equal(TicketStatus.Open, Ticket(number).Status);
    }

    [Fact]
    public async Task Only_a_solved_ticket_can_be_closed()
    {
        var number = await NewTicketAsync();

        var answer = await CommandAsync("/status", $"{number} closed");

        Assert.Contains("only a Solved ticket can be closed", answer.Text, StringComparison.Ordinal);
        Assert.Equal(TicketStatus.New, Ticket(number).Status);
    }

    [Fact]
    public async Task An_unknown_status_word_lists_the_statuses()
    {
        var number = await NewTicketAsync();

        var answer = await CommandAsync("/status", $"{number} finished yay");

        Assert.Contains("`finished` is not a status", answer.Text, StringComparison.Ordinal);
        Assert.Contains("open, pending, on-hold, solved, closed", answer.Text, StringComparison.Ordinal);
        Assert.Equal(TicketStatus.New, Ticket(number).Status);
    }

    [Fact]
    public async Task Solving_an_unassigned_ticket_assigns_it_to_the_solver()
    {
        var number = await NewTicketAsync();

        var answer = await CommandAsync("/status", $"{number} solved confirmed", TestSettings.Engineer2);

        Assert.Contains("assigned to you", answer.Text, StringComparison.Ordinal);
        var ticket = Ticket(number);
        Assert.Equal(TestSettings.Engineer2, ticket.AssigneeId);
        Assert.Equal(App.Time.GetUtcNow().UtcDateTime, ticket.SolvedAt!.Value, TimeSpan.FromSeconds(1));
        var note = await Slack.WaitForAsync("chat.postMessage",
            c => c.Channel == TestSettings.CustomerChannel && c.Text.Contains($"marked #{number} as solved", StringComparison.Ordinal));
        Assert.Single(note);
    }

    [Fact]
    public async Task Solving_a_held_ticket_keeps_its_assignee()
    {
        var number = await NewTicketAsync();
        await CommandAsync("/take", N(number));

        await CommandAsync("/status", $"{number} solved confirmed", TestSettings.Engineer2);

        Assert.Equal(TestSettings.Engineer, Ticket(number).AssigneeId);
    }

    [Fact]
    public async Task The_first_change_out_of_new_by_the_team_is_the_first_response()
    {
        var number = await NewTicketAsync();
        App.Time.Advance(TimeSpan.FromMinutes(7));
        var firstAt = App.Time.GetUtcNow().UtcDateTime;

        await CommandAsync("/status", $"{number} open");
        App.Time.Advance(TimeSpan.FromMinutes(5));
        await CommandAsync("/status", $"{number} pending");

        Assert.Equal(firstAt, Ticket(number).FirstResponseAt!.Value, TimeSpan.FromSeconds(1));
    }

    [Fact]
    public async Task Taking_a_ticket_is_not_yet_its_first_response()
    {
        var number = await NewTicketAsync();
        await CommandAsync("/take", N(number));
        Assert.Null(Ticket(number).FirstResponseAt);
    }

    [Theory]
    [InlineData(TestSettings.Customer)]
    [InlineData("U_STRANGER")]
    public async Task People_outside_the_team_cannot_change_status(string user)
    {
        var number = await NewTicketAsync();

        var answer = await CommandAsync("/status", $"{number} solved confirmed", user, TestSettings.CustomerChannel);

        Assert.Contains("Only the support team", answer.Text, StringComparison.Ordinal);
        var ticket = Ticket(number);
        Assert.Equal(TicketStatus.New, ticket.Status);
        Assert.Null(ticket.AssigneeId);
        Assert.Null(ticket.FirstResponseAt);
        Assert.Single(ticket.History);
    }

    [Fact]
    public async Task A_change_to_the_same_status_is_refused_politely()
    {
        var number = await NewTicketAsync();
        await CommandAsync("/status", $"{number} pending");

        var answer = await CommandAsync("/status", $"{number} pending");

        Assert.Contains("already Pending", answer.Text, StringComparison.Ordinal);
    }
}
