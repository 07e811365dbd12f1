using SupportBot.Tests.Infrastructure;
using SupportBot.Tickets;

namespace SupportBot.Tests.Tickets;

/// <summary><c>/status N word [note]</c>: the accepted spellings, the rules, and their side effects.</summary>
public sealed class StatusChangeTests : AppTest
{
    [Theory]
    [InlineData("1 pending", TicketStatus.Pending)]
    [InlineData("#1 pending", TicketStatus.Pending)]
    [InlineData("#1 PENDING", TicketStatus.Pending)]
    [InlineData("1 Open", TicketStatus.Open)]
    [InlineData("1 hold", TicketStatus.OnHold)]
    [InlineData("1 on hold", TicketStatus.OnHold)]
    [InlineData("1 On Hold", TicketStatus.OnHold)]
    [InlineData("1 on-hold", TicketStatus.OnHold)]
    [InlineData("#1 ON-HOLD", TicketStatus.OnHold)]
    [InlineData("1 solved confirmed", TicketStatus.Solved)]
    [InlineData("  #1   solved   confirmed ", TicketStatus.Solved)]
    public async Task Status_changes_accept_the_ways_people_type_them(string text, TicketStatus expected)
    {
        await App.CreateTicketAsync();

        var answer = await CommandAsync("/status", text);

        Assert.Contains($"#1 is now *{expected.Display()}*", answer.Text, StringComparison.Ordinal);
        Assert.Equal(expected, Ticket(1).Status);
    }

    [Theory]
    [InlineData("1 pending waiting for logs from the customer", TicketStatus.Pending, "waiting for logs from the customer")]
    [InlineData("1 on hold vendor bug VND-7", TicketStatus.OnHold, "vendor bug VND-7")]
    [InlineData("1 hold vendor bug", TicketStatus.OnHold, "vendor bug")]
    public async Task A_note_is_recorded_in_the_history(string text, TicketStatus expected, string note)
    {
        await App.CreateTicketAsync();

        await CommandAsync("/status", text);

        var ticket = Ticket(1);
        Assert.Equal(expected, ticket.Status);
        var entry = ticket.History[^1];
        Assert.Equal(TestSettings.Engineer, entry.ActorId);
        Assert.Equal($"New → {expected.Display()}: {note}", entry.What);
    }

    [Fact]
    public async Task A_status_change_updates_the_triage_card()
    {
        await App.CreateTicketAsync();
        Assert.True(await Eventually.TrueAsync(() => Ticket(1).TriageTs is not null));

        await CommandAsync("/status", "1 on-hold");

        var update = Assert.Single(await Slack.WaitForAsync("chat.update"));
        Assert.Contains("On-hold", update.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Nothing_goes_back_to_new_and_the_answer_lists_what_is_allowed()
    {
        await App.CreateTicketAsync();
        await CommandAsync("/status", "1 open");

        var answer = await CommandAsync("/status", "1 new");

        Assert.Contains("never goes back to New", answer.Text, StringComparison.Ordinal);
        Assert.Contains("pending, on-hold, solved", answer.Text, StringComparison.Ordinal);
        Assert.Equal(TicketStatus.Open, Ticket(1).Status);
    }

    [Fact]
    public async Task Closed_is_final()
    {
        await App.CreateTicketAsync();
        await CommandAsync("/status", "1 solved confirmed");
        await CommandAsync("/status", "1 closed");
        var history = Ticket(1).History.Count;

        var answer = await CommandAsync("/status", "1 open");

        Assert.Contains("Closed is final", answer.Text, StringComparison.Ordinal);
        Assert.Equal(TicketStatus.Closed, Ticket(1).Status);
        Assert.Equal(history, Ticket(1).History.Count);
        Assert.NotNull(Ticket(1).ClosedAt);
    }

    [Fact]
    public async Task A_solved_ticket_reopens_to_open()
    {
        await App.CreateTicketAsync();
        await CommandAsync("/status", "1 solved confirmed");

        var refused = await CommandAsync("/status", "1 pending");
        var reopened = await CommandAsync("/status", "1 open");

        Assert.Contains("reopened (open) first", refused.Text, StringComparison.Ordinal);
        Assert.Contains("open, closed", refused.Text, StringComparison.Ordinal);
        Assert.Contains("#1 is now *Open*", reopened.Text, StringComparison.Ordinal);
        Assert.Equal(TicketStatus.Open, Ticket(1).Status);
    }

    [Fact]
    public async Task Only_a_solved_ticket_can_be_closed()
    {
        await App.CreateTicketAsync();

        var answer = await CommandAsync("/status", "1 closed");

        Assert.Contains("only a Solved ticket can be closed", answer.Text, StringComparison.Ordinal);
        Assert.Equal(TicketStatus.New, Ticket(1).Status);
    }

    [Fact]
    public async Task An_unknown_status_word_lists_the_statuses()
    {
        await App.CreateTicketAsync();

        var answer = await CommandAsync("/status", "1 finished yay");

        Assert.Contains("`finished` is not a status", answer.Text, StringComparison.Ordinal);
        Assert.Contains("open, pending, on-hold, solved, closed", answer.Text, StringComparison.Ordinal);
        Assert.Equal(TicketStatus.New, Ticket(1).Status);
    }

    [Fact]
    public async Task Solving_an_unassigned_ticket_assigns_it_to_the_solver()
    {
        await App.CreateTicketAsync();

        var answer = await CommandAsync("/status", "1 solved confirmed", TestSettings.Engineer2);

        Assert.Contains("assigned to you", answer.Text, StringComparison.Ordinal);
        var ticket = Ticket(1);
        Assert.Equal(TestSettings.Engineer2, ticket.AssigneeId);
        Assert.Equal(App.Time.GetUtcNow().UtcDateTime, ticket.SolvedAt!.Value, TimeSpan.FromSeconds(1));
        var note = await Slack.WaitForAsync("chat.postMessage",
            c => c.Channel == TestSettings.CustomerChannel && c.Text.Contains("marked #1 as solved", StringComparison.Ordinal));
        Assert.Single(note);
    }

    [Fact]
    public async Task Solving_a_held_ticket_keeps_its_assignee()
    {
        await App.CreateTicketAsync();
        await CommandAsync("/take", "1");

        await CommandAsync("/status", "1 solved confirmed", TestSettings.Engineer2);

        Assert.Equal(TestSettings.Engineer, Ticket(1).AssigneeId);
    }

    [Fact]
    public async Task The_first_change_out_of_new_by_the_team_is_the_first_response()
    {
        await App.CreateTicketAsync();
        App.Time.Advance(TimeSpan.FromMinutes(7));
        var firstAt = App.Time.GetUtcNow().UtcDateTime;

        await CommandAsync("/status", "1 open");
        App.Time.Advance(TimeSpan.FromMinutes(5));
        await CommandAsync("/status", "1 pending");

        Assert.Equal(firstAt, Ticket(1).FirstResponseAt!.Value, TimeSpan.FromSeconds(1));
    }

    [Fact]
    public async Task Taking_a_ticket_is_not_yet_its_first_response()
    {
        await App.CreateTicketAsync();
        await CommandAsync("/take", "1");
        Assert.Null(Ticket(1).FirstResponseAt);
    }

    [Theory]
    [InlineData(TestSettings.Customer)]
    [InlineData("U_STRANGER")]
    public async Task People_outside_the_team_cannot_change_status(string user)
    {
        await App.CreateTicketAsync();

        var answer = await CommandAsync("/status", "1 solved confirmed", user, TestSettings.CustomerChannel);

        Assert.Contains("Only the support team", answer.Text, StringComparison.Ordinal);
        var ticket = Ticket(1);
        Assert.Equal(TicketStatus.New, ticket.Status);
        Assert.Null(ticket.AssigneeId);
        Assert.Null(ticket.FirstResponseAt);
        Assert.Single(ticket.History);
    }

    [Fact]
    public async Task A_change_to_the_same_status_is_refused_politely()
    {
        await App.CreateTicketAsync();
        await CommandAsync("/status", "1 pending");

        var answer = await CommandAsync("/status", "1 pending");

        Assert.Contains("already Pending", answer.Text, StringComparison.Ordinal);
    }
}
