using SupportBot.Tests.Infrastructure;

namespace SupportBot.Tests.Tickets;

/// <summary>What <c>/take</c> refuses, and that a refusal changes nothing.</summary>
public sealed class TakeRefusalTests : AppTest
{
    private async Task<int> QuietTicketAsync()
    {
        var number = await App.CreateTicketAsync();
        await Slack.WaitForAsync("chat.postMessage", count: 2);
        Assert.True(await Eventually.TrueAsync(() => App.Get<SupportBot.Outbox.OutboxStore>().CountPending() == 0));
        return number;
    }

    private int Posts => Slack.Find("chat.postMessage").Count + Slack.Find("chat.update").Count;

    [Fact]
    public async Task A_ticket_held_by_another_engineer_is_not_taken_without_force()
    {
        var number = await QuietTicketAsync();
        await CommandAsync("/take", N(number), TestSettings.Engineer2);
        await Slack.WaitForAsync("chat.update");
        var history = Ticket(number).History.Count;

        var answer = await CommandAsync("/take", N(number));

        Assert.Contains("<@U_ENG2>", answer.Text, StringComparison.Ordinal);
        Assert.Contains($"/take {number} force", answer.Text, StringComparison.Ordinal);
        Assert.Equal(TestSettings.Engineer2, Ticket(number).AssigneeId);
        Assert.Equal(history, Ticket(number).History.Count);
        Assert.Empty(Slack.Find("chat.postMessage", c => c.Channel == TestSettings.Engineer2));
    }

    [Theory]
    [InlineData(TestSettings.Customer)]
    [InlineData(TestSettings.Ce)]
    [InlineData("U_STRANGER")]
    public async Task People_outside_the_support_team_cannot_take(string user)
    {
        var number = await QuietTicketAsync();
        var before = Posts;

        var answer = await CommandAsync("/take", N(number), user, TestSettings.CustomerChannel);
        var bare = await CommandAsync("/take", "", user);
        var all = await CommandAsync("/take", "all", user, TestSettings.CustomerChannel);

        Assert.All(new[] { answer, bare, all }, a => Assert.Contains("only the support team", a.Text, StringComparison.Ordinal));
        Assert.Null(Ticket(number).AssigneeId);
        Assert.Single(Ticket(number).History);
        Assert.Equal(0, App.Get<SupportBot.Outbox.OutboxStore>().CountPending());
        Assert.Equal(before, Posts);
    }

    [Fact]
    public async Task Take_all_outside_a_customer_channel_is_refused_and_changes_nothing()
    {
        var number = await QuietTicketAsync();

        var answer = await CommandAsync("/take", "all", channel: TestSettings.SupportChannel);

        Assert.Contains("customer channel", answer.Text, StringComparison.Ordinal);
        Assert.Null(Ticket(number).AssigneeId);
    }

    [Fact]
    public async Task An_unknown_ticket_is_named()
    {
        var answer = await CommandAsync("/take", "#404");
        Assert.Contains("can't find ticket #404", answer.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("please")]
    [InlineData("12 asap")]
    [InlineData("-3")]
    [InlineData("0")]
    [InlineData("<!channel>")]
    public async Task Words_it_does_not_understand_get_the_usage(string text)
    {
        var number = await QuietTicketAsync();

        var answer = await CommandAsync("/take", text);

        Assert.Contains("didn't understand", answer.Text, StringComparison.Ordinal);
        Assert.Contains("/take 12 15", answer.Text, StringComparison.Ordinal);
        Assert.Contains("/take all", answer.Text, StringComparison.Ordinal);
        Assert.Contains("force", answer.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("<!channel>", answer.Text, StringComparison.Ordinal);
        Assert.Null(Ticket(number).AssigneeId);
    }

    [Fact]
    public async Task Taking_your_own_ticket_again_changes_nothing()
    {
        var number = await QuietTicketAsync();
        await CommandAsync("/take", N(number));
        await Slack.WaitForAsync("chat.update");
        var history = Ticket(number).History.Count;

        var answer = await CommandAsync("/take", N(number));

        Assert.Contains("already yours", answer.Text, StringComparison.Ordinal);
        Assert.Equal(history, Ticket(number).History.Count);
    }

    [Fact]
    public async Task A_solved_ticket_cannot_be_taken_until_reopened()
    {
        var number = await QuietTicketAsync();
        await CommandAsync("/status", $"{number} solved confirmed", TestSettings.Engineer2);

        var answer = await CommandAsync("/take", $"{number} force");

        Assert.Contains("Solved", answer.Text, StringComparison.Ordinal);
        Assert.Contains($"/status {number} open", answer.Text, StringComparison.Ordinal);
        Assert.Equal(TestSettings.Engineer2, Ticket(number).AssigneeId);
    }
}
