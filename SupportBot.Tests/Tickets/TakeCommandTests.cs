using SupportBot.Tests.Infrastructure;

namespace SupportBot.Tests.Tickets;

/// <summary>Every form of <c>/take</c> that takes tickets.</summary>
public sealed class TakeCommandTests : AppTest
{
    private void Due(int number, DateTime? due) => Tickets.Change(set =>
    {
        var t = set.Find(number)!;
        t.FirstResponseDueAt = due;
        set.Update(t);
        return true;
    });

    [Fact]
    public async Task Take_assigns_the_ticket_and_records_it_in_history()
    {
        var number = await App.CreateTicketAsync();

        var answer = await CommandAsync("/take", N(number));

        Assert.Contains($"You took *#{number}*", answer.Text, StringComparison.Ordinal);
        var ticket = Ticket(number);
        Assert.Equal(TestSettings.Engineer, ticket.AssigneeId);
        Assert.Contains(ticket.History, h => h.ActorId == TestSettings.Engineer && h.What.Contains("Took", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Take_answers_with_the_context_an_engineer_needs()
    {
        var number = await App.CreateTicketAsync("Code intel is down", priority: "High");
        Assert.True(await Eventually.TrueAsync(() => Ticket(number).ThreadTs is not null));

        var answer = await CommandAsync("/take", N(number));

        foreach (var expected in new[] { "Acme Corp", "Enterprise", "<@U_CE1>", "High", "Self-hosted, 3 replicas", "<@U_CUST1>", "https://slack.com/archives/C_ACME/p" })
            Assert.Contains(expected, answer.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Take_updates_the_triage_card_to_show_the_assignee_without_the_button()
    {
        var number = await App.CreateTicketAsync();
        Assert.True(await Eventually.TrueAsync(() => Ticket(number).TriageTs is not null));

        await CommandAsync("/take", N(number));

        var update = Assert.Single(await Slack.WaitForAsync("chat.update"));
        Assert.Equal(TestSettings.SupportChannel, update.Channel);
        Assert.Equal(Ticket(number).TriageTs, update.Args["ts"]!.GetValue<string>());
        Assert.Contains("<@U_ENG1>", update.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("take_ticket", update.Args.ToJsonString(), StringComparison.Ordinal);
    }

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

    [Theory]
    [InlineData("1 2")]
    [InlineData("#1,#2")]
    [InlineData("#1, #2")]
    [InlineData("1,2 1")]
    public async Task Take_several_at_once(string text)
    {
        await App.CreateTicketAsync("One");
        await App.CreateTicketAsync("Two");
        await App.CreateTicketAsync("Three");

        var answer = await CommandAsync("/take", text);

        Assert.Contains("#1", answer.Text, StringComparison.Ordinal);
        Assert.Contains("#2", answer.Text, StringComparison.Ordinal);
        Assert.Equal(TestSettings.Engineer, Ticket(1).AssigneeId);
        Assert.Equal(TestSettings.Engineer, Ticket(2).AssigneeId);
        Assert.Null(Ticket(3).AssigneeId);
        var replies = await Slack.WaitForAsync("chat.postMessage",
            c => c.Channel == TestSettings.CustomerChannel && c.Text.Contains("will help you", StringComparison.Ordinal), count: 2);
        Assert.Equal(2, replies.Count);
    }

    [Fact]
    public async Task Take_several_reports_each_ticket_including_unknown_ones()
    {
        await App.CreateTicketAsync("One");

        var answer = await CommandAsync("/take", "1 42");

        Assert.Contains("You took *#1*", answer.Text, StringComparison.Ordinal);
        Assert.Contains("can't find ticket #42", answer.Text, StringComparison.Ordinal);
        Assert.Equal(TestSettings.Engineer, Ticket(1).AssigneeId);
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

    [Fact]
    public async Task Take_force_reassigns_and_tells_the_previous_holder()
    {
        var number = await App.CreateTicketAsync("Held");
        await CommandAsync("/take", N(number), TestSettings.Engineer2);

        var answer = await CommandAsync("/take", $"{number} force");

        Assert.Contains($"You took *#{number}*", answer.Text, StringComparison.Ordinal);
        Assert.Equal(TestSettings.Engineer, Ticket(number).AssigneeId);
        var dm = Assert.Single(await Slack.WaitForAsync("chat.postMessage", c => c.Channel == TestSettings.Engineer2));
        Assert.Contains("<@U_ENG1>", dm.Text, StringComparison.Ordinal);
        Assert.Contains($"#{number}", dm.Text, StringComparison.Ordinal);
        var handover = await Slack.WaitForAsync("chat.postMessage",
            c => c.Channel == TestSettings.CustomerChannel && c.Text.Contains("taking over", StringComparison.Ordinal));
        Assert.Contains("<@U_ENG1>", Assert.Single(handover).Text, StringComparison.Ordinal);
    }
}
