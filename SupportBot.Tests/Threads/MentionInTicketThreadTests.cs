using SupportBot.Tests.Infrastructure;

namespace SupportBot.Tests.Threads;

/// <summary>An @SupportBot mention inside a ticket's thread is a reply of that ticket, not a request for a new button.</summary>
public sealed class MentionInTicketThreadTests : AppTest
{
    private IReadOnlyList<SlackCall> Buttons(string thread) => Slack.Find("chat.postMessage",
        c => c.ThreadTs == thread && c.Text.Contains("Need help from support?", StringComparison.Ordinal));

    [Fact]
    public async Task A_mention_in_a_ticket_thread_is_recorded_once_as_a_reply_and_posts_no_button()
    {
        var number = await App.CreateTicketAsync();
        var thread = await App.ThreadOfAsync(number);
        var message = ThreadEvents.Message(TestSettings.CustomerChannel, TestSettings.Customer, "<@UBOT> any news on this?", thread);
        var mention = message.DeepClone().AsObject();
        mention["type"] = "app_mention";

        await App.SendAsync(mention);
        await App.SendAsync(message); // Slack delivers both events for one mention

        var ticket = await App.WaitForTicketAsync(number, t => t.Conversation.Count >= 1);
        await App.SendAsync(ThreadEvents.Message(TestSettings.HelpChannel, "U_OTHER", "sentinel"));
        await App.WaitForTicketCountAsync(2);
        ticket = Ticket(number);
        Assert.Equal(1, ticket.Conversation.CustomerReplies);
        Assert.Empty(Buttons(thread));
    }

    [Fact]
    public async Task A_mention_in_a_customer_channel_outside_any_ticket_still_gets_the_button()
    {
        var mention = ThreadEvents.Message(TestSettings.CustomerChannel, TestSettings.Customer, "<@UBOT> help please");
        mention["type"] = "app_mention";
        var ts = mention["ts"]!.GetValue<string>();

        await App.SendAsync(mention);

        Assert.NotEmpty(await Slack.WaitForAsync("chat.postMessage", c => c.ThreadTs == ts));
    }
}
