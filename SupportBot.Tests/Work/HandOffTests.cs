using SupportBot.Tests.Infrastructure;
using SupportBot.Tests.Threads;

namespace SupportBot.Tests.Work;

/// <summary><c>/take 12 @person note</c>: the case transition of seed step 4.</summary>
public sealed class HandOffTests : AppTest
{
    private const string Eng = TestSettings.Engineer;
    private const string Eng2 = TestSettings.Engineer2;

    [Fact]
    public async Task The_new_holder_gets_context_and_note_the_previous_is_told_and_the_customer_hears_who_helps()
    {
        var number = await App.CreateTicketAsync("Europe hours");
        var thread = await App.ThreadOfAsync(number);
        await CommandAsync("/take", N(number), Eng2);

        var answer = await CommandAsync("/take", $"{N(number)} <@{Eng2}|eng2>", Eng2); // already theirs
        Assert.Contains("already held", answer.Text, StringComparison.Ordinal);
        answer = await CommandAsync("/take", $"#{N(number)} <@{Eng}|eng1> customer is in Europe & awake now", Eng2);
        await CommandAsync("/take", $"{N(number)} <@{Eng2}>", "U_LEAD_NOT_HOLDER"); // refused: not on the team

        Assert.Contains($"You handed *#{N(number)}*", answer.Text, StringComparison.Ordinal);
        Assert.Equal(Eng, Ticket(number).AssigneeId);
        Assert.Contains(Ticket(number).History, h => h.What == $"Handed from {Eng2} to {Eng}: customer is in Europe & awake now");
        var dm = Assert.Single(await App.Slack.WaitForAsync("chat.postMessage", c => c.Channel == Eng));
        Assert.Contains("customer is in Europe &amp; awake now", dm.Text, StringComparison.Ordinal);
        Assert.Contains("Acme Corp (Enterprise)", dm.Text, StringComparison.Ordinal);
        Assert.Contains($"#{N(number)}", dm.Text, StringComparison.Ordinal);
        var said = await App.Slack.WaitForAsync("chat.postMessage", c => c.ThreadTs == thread && c.Text.Contains($"<@{Eng}> is taking over", StringComparison.Ordinal));
        Assert.Single(said);
        // Eng2 handed it away themselves: they read the answer, no DM
        Assert.Empty(App.Slack.Find("chat.postMessage", c => c.Channel == Eng2));
    }

    [Fact]
    public async Task A_holder_who_did_not_hand_it_over_is_told_by_dm()
    {
        var number = await App.CreateTicketAsync("Rebalance");
        await CommandAsync("/take", N(number), Eng);

        await CommandAsync("/take", $"{N(number)} <@{Eng2}>", Eng2); // a teammate picks it up from an overwhelmed Eng

        var told = await App.Slack.WaitForAsync("chat.postMessage", c => c.Channel == Eng);
        Assert.Contains($"from you to <@{Eng2}>", Assert.Single(told).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Handing_to_someone_outside_the_team_is_refused_and_nothing_changes()
    {
        var number = await App.CreateTicketAsync("Outsider");
        await CommandAsync("/take", N(number), Eng);

        var answer = await CommandAsync("/take", $"{N(number)} <@U_RANDOM|someone> please", Eng);

        Assert.Contains("not on the support team", answer.Text, StringComparison.Ordinal);
        Assert.Equal(Eng, Ticket(number).AssigneeId);
        Assert.DoesNotContain(Ticket(number).History, h => h.What.StartsWith("Handed", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Someone_outside_the_team_cannot_hand_tickets_around()
    {
        var number = await App.CreateTicketAsync("Customer tries");

        var answer = await CommandAsync("/take", $"{N(number)} <@{Eng}>", TestSettings.Customer, TestSettings.CustomerChannel);

        Assert.Contains("only the support team", answer.Text, StringComparison.Ordinal);
        Assert.Null(Ticket(number).AssigneeId);
    }

    [Theory]
    [InlineData("<@U_ENG2> note", "Name the ticket")]
    [InlineData("12 abc <@U_ENG2>", "didn't understand")]
    [InlineData("12 <@not-a-user>", "didn't understand")]
    public async Task A_malformed_hand_off_gets_a_helpful_answer(string text, string expected)
    {
        var answer = await CommandAsync("/take", text, Eng);

        Assert.Contains(expected, answer.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_solved_ticket_is_not_handed_over()
    {
        var number = await App.CreateTicketAsync("Done already");
        await CommandAsync("/status", $"{N(number)} solved confirmed", Eng);

        var answer = await CommandAsync("/take", $"{N(number)} <@{Eng2}>", Eng);

        Assert.Contains("nothing to hand over", answer.Text, StringComparison.Ordinal);
        Assert.Equal(Eng, Ticket(number).AssigneeId);
    }
}
