using SupportBot.Tests.Infrastructure;

namespace SupportBot.Tests.Tickets;

/// <summary>The Take button on the triage card does what <c>/take N</c> does.</summary>
public sealed class TakeButtonTests : AppTest
{
    private const string ResponseUrl = "https://hooks.slack.test/actions/take/1";

    private async Task<int> CardAsync()
    {
        var number = await App.CreateTicketAsync();
        Assert.True(await Eventually.TrueAsync(() => Ticket(number).TriageTs is not null && Ticket(number).ThreadTs is not null));
        return number;
    }

    private Task<HttpResponseMessage> PressAsync(int number, string user) => Requests.InteractAsync(
        Flows.ButtonPayload("take_ticket", N(number), user, TestSettings.SupportChannel, ResponseUrl));

    [Fact]
    public async Task The_take_button_takes_the_ticket_updates_the_card_and_answers_the_engineer()
    {
        var number = await CardAsync();

        await PressAsync(number, TestSettings.Engineer);

        var answer = Assert.Single(await Slack.WaitForAsync("response_url"));
        Assert.Equal(ResponseUrl, answer.Url);
        Assert.Equal("ephemeral", answer.Args["response_type"]!.GetValue<string>());
        Assert.False(answer.Args["replace_original"]!.GetValue<bool>());
        Assert.Contains($"You took *#{number}*", answer.Text, StringComparison.Ordinal);
        Assert.Contains("Acme Corp", answer.Text, StringComparison.Ordinal);
        Assert.Equal(TestSettings.Engineer, Ticket(number).AssigneeId);

        var update = Assert.Single(await Slack.WaitForAsync("chat.update"));
        Assert.Equal(Ticket(number).TriageTs, update.Args["ts"]!.GetValue<string>());
        Assert.Contains("<@U_ENG1>", update.Text, StringComparison.Ordinal);

        var reply = Assert.Single(await Slack.WaitForAsync("chat.postMessage",
            c => c.ThreadTs == Ticket(number).ThreadTs && c.Text.Contains("will help you", StringComparison.Ordinal)));
        Assert.Equal(TestSettings.CustomerChannel, reply.Channel);
    }

    [Fact]
    public async Task The_take_button_on_a_held_ticket_names_the_holder_and_changes_nothing()
    {
        var number = await CardAsync();
        await CommandAsync("/take", N(number), TestSettings.Engineer2);

        await PressAsync(number, TestSettings.Engineer);

        var answer = Assert.Single(await Slack.WaitForAsync("response_url"));
        Assert.Contains("<@U_ENG2>", answer.Text, StringComparison.Ordinal);
        Assert.Contains("force", answer.Text, StringComparison.Ordinal);
        Assert.Equal(TestSettings.Engineer2, Ticket(number).AssigneeId);
    }

    [Fact]
    public async Task The_take_button_refuses_people_outside_the_team()
    {
        var number = await CardAsync();

        await PressAsync(number, TestSettings.Customer);

        var answer = Assert.Single(await Slack.WaitForAsync("response_url"));
        Assert.Contains("only the support team", answer.Text, StringComparison.Ordinal);
        Assert.Null(Ticket(number).AssigneeId);
        Assert.Empty(Slack.Find("chat.update"));
    }

    [Fact]
    public async Task The_take_button_for_a_ticket_that_does_not_exist_says_so()
    {
        await PressAsync(77, TestSettings.Engineer);

        var answer = Assert.Single(await Slack.WaitForAsync("response_url"));
        Assert.Contains("can't find ticket #77", answer.Text, StringComparison.Ordinal);
    }
}
