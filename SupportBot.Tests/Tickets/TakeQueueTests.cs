using SupportBot.Tests.Infrastructure;

namespace SupportBot.Tests.Tickets;

/// <summary>
/// <c>/take</c> and <c>/take all</c> without numbers pick from the whole queue, so each test has an app of its own
/// (the numbered forms share one: <see cref="TakeCommandTests"/>).
/// </summary>
public sealed class TakeQueueTests : AppTest
{
    private void Due(int number, DateTime? due) => Tickets.Change(set =>
    {
        var t = set.Find(number)!;
        t.FirstResponseDueAt = due;
        set.Update(t);
        return true;
    });

    [Fact]
    public async Task Bare_take_takes_the_ticket_with_the_earliest_first_response_deadline()
    {
        var now = App.Time.GetUtcNow().UtcDateTime;
        await App.CreateTicketAsync("Older but less urgent");
        await App.CreateTicketAsync("Newer and due first");
        await App.CreateTicketAsync("No deadline");
        Due(1, now.AddHours(4));
        Due(2, now.AddHours(1));
        Due(3, null);

        var first = await CommandAsync("/take", "");
        var second = await CommandAsync("/take", "", TestSettings.Engineer2);
        var third = await CommandAsync("/take", "");

        Assert.Contains("#2", first.Text, StringComparison.Ordinal);
        Assert.Contains("#1", second.Text, StringComparison.Ordinal);
        Assert.Contains("#3", third.Text, StringComparison.Ordinal);
        Assert.Equal(TestSettings.Engineer, Ticket(2).AssigneeId);
        Assert.Equal(TestSettings.Engineer2, Ticket(1).AssigneeId);
    }

    [Fact]
    public async Task Bare_take_takes_the_oldest_when_deadlines_tie()
    {
        await App.CreateTicketAsync("First in");
        App.Time.Advance(TimeSpan.FromMinutes(1));
        await App.CreateTicketAsync("Second in");
        // whole seconds: the store keeps milliseconds, so a ticket read back after this (its confirmation's ts being
        // recorded, late on a busy machine) would otherwise fall due a fraction earlier than the other and win the tie
        var now = App.Time.GetUtcNow().UtcDateTime;
        var due = now.AddTicks(-(now.Ticks % TimeSpan.TicksPerSecond)).AddHours(1);
        Due(1, due);
        Due(2, due);

        await CommandAsync("/take", "");

        Assert.Equal(TestSettings.Engineer, Ticket(1).AssigneeId);
        Assert.Null(Ticket(2).AssigneeId);
    }

    [Fact]
    public async Task Bare_take_skips_assigned_solved_and_closed_tickets()
    {
        await App.CreateTicketAsync("Held");
        await App.CreateTicketAsync("Solved");
        await App.CreateTicketAsync("Waiting");
        await CommandAsync("/take", "1", TestSettings.Engineer2);
        await CommandAsync("/status", "2 solved confirmed", TestSettings.Engineer2);
        await CommandAsync("/take", "2", TestSettings.Engineer2);

        var answer = await CommandAsync("/take", "");

        Assert.Contains("#3", answer.Text, StringComparison.Ordinal);
        Assert.Equal(TestSettings.Engineer, Ticket(3).AssigneeId);
    }

    [Fact]
    public async Task Bare_take_with_an_empty_queue_says_so()
    {
        var answer = await CommandAsync("/take", "");
        Assert.Contains("No ticket is waiting", answer.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Take_all_in_a_customer_channel_takes_its_unassigned_open_tickets()
    {
        await App.CreateTicketAsync("One");
        await App.CreateTicketAsync("Two");
        await App.CreateTicketAsync("Held by someone else");
        await CommandAsync("/take", "3", TestSettings.Engineer2);

        var answer = await CommandAsync("/take", "all", channel: TestSettings.CustomerChannel);

        Assert.Contains("#1", answer.Text, StringComparison.Ordinal);
        Assert.Contains("#2", answer.Text, StringComparison.Ordinal);
        Assert.Equal(TestSettings.Engineer, Ticket(1).AssigneeId);
        Assert.Equal(TestSettings.Engineer, Ticket(2).AssigneeId);
        Assert.Equal(TestSettings.Engineer2, Ticket(3).AssigneeId);
    }

    [Fact]
    public async Task Take_all_in_a_customer_channel_without_waiting_tickets_says_so()
    {
        var answer = await CommandAsync("/take", "ALL", channel: TestSettings.CustomerChannel);
        Assert.Contains("no unassigned open ticket", answer.Text, StringComparison.Ordinal);
    }
}
