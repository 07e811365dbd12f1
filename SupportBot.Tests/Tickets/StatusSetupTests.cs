using SupportBot.Tests.Infrastructure;

namespace SupportBot.Tests.Tickets;

public sealed class StatusSetupTests : AppTest
{
    [Fact]
    public async Task Status_setup_posts_the_request_support_button_in_the_channel()
    {
        var answer = await CommandAsync("/status", "setup", channel: TestSettings.CustomerChannel);

        Assert.Contains("Request support", answer.Text, StringComparison.Ordinal);
        var post = Assert.Single(await Slack.WaitForAsync("chat.postMessage", c => c.Channel == TestSettings.CustomerChannel));
        var button = post.Args["blocks"]!.AsArray()
            .SelectMany(b => b!["elements"]?.AsArray() ?? [])
            .Single(e => e!["type"]!.GetValue<string>() == "button")!;
        Assert.Equal("open_request_form", button["action_id"]!.GetValue<string>());
        Assert.Equal("Request support", button["text"]!["text"]!.GetValue<string>());
        Assert.False(string.IsNullOrWhiteSpace(post.Args["text"]!.GetValue<string>()));
    }

    [Fact]
    public async Task The_posted_button_opens_the_request_form()
    {
        await CommandAsync("/status", "setup", channel: TestSettings.CustomerChannel);
        await Slack.WaitForAsync("chat.postMessage", c => c.Channel == TestSettings.CustomerChannel);

        var number = await App.CreateTicketAsync("From the posted button");

        Assert.Equal(1, number);
    }

    [Fact]
    public async Task Only_the_team_can_set_up_a_channel()
    {
        var answer = await CommandAsync("/status", "setup", TestSettings.Customer, TestSettings.CustomerChannel);

        Assert.Contains("Only the support team", answer.Text, StringComparison.Ordinal);
        Assert.Equal(0, App.Get<SupportBot.Outbox.OutboxStore>().CountPending());
        Assert.Empty(Slack.Find("chat.postMessage"));
    }
}
