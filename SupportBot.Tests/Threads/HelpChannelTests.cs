using SupportBot.Tests.Infrastructure;
using SupportBot.Tickets;

namespace SupportBot.Tests.Threads;

public sealed class HelpChannelTests : IDisposable
{
    private readonly SupportBotApp _app = new();

    public void Dispose()
    {
        _app.Dispose();
        _app.DeleteDatabase();
    }

    [Fact]
    public async Task A_help_post_becomes_one_ticket_confirmed_in_its_thread_however_often_Slack_retries()
    {
        var post = ThreadEvents.Message(TestSettings.HelpChannel, "U_COMMUNITY", "How do I configure SSO?\nWe use Okta.");
        var ts = post["ts"]!.GetValue<string>();

        for (var retry = 0; retry <= 3; retry++)
            (await _app.SendAsync(post, "EvHELP0001", retry == 0 ? null : retry)).EnsureSuccessStatusCode();
        await _app.SendAsync(post, "EvHELP0002"); // the same post delivered under another event id
        await _app.SendAsync(ThreadEvents.Message(TestSettings.HelpChannel, "U_OTHER", "sentinel"));

        await _app.WaitForTicketCountAsync(2);
        Assert.Equal(2, _app.Get<TicketStore>().Count());
        var ticket = _app.Ticket(1);
        Assert.Equal(TicketSource.CommunityHelp, ticket.Source);
        Assert.Equal("How do I configure SSO?", ticket.Subject);
        Assert.Equal("How do I configure SSO?\nWe use Okta.", ticket.Description);
        Assert.Equal(ts, ticket.ThreadTs);
        Assert.Equal("U_COMMUNITY", ticket.RequesterId);
        var confirmation = await _app.Slack.WaitForAsync("chat.postMessage", c => c.Channel == TestSettings.HelpChannel && c.ThreadTs == ts);
        Assert.Contains("#1", Assert.Single(confirmation).Text, StringComparison.Ordinal);
        Assert.NotEmpty(await _app.Slack.WaitForAsync("chat.postMessage",
            c => c.Channel == TestSettings.SupportChannel && c.Text.Contains("#1 How do I configure SSO?", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Thread_replies_bot_posts_joins_and_customer_channel_posts_are_not_tickets()
    {
        await _app.SendAsync(ThreadEvents.Message(TestSettings.HelpChannel, "U_COMMUNITY", "a reply", ThreadEvents.NextTs()));
        await _app.SendAsync(ThreadEvents.Message(TestSettings.HelpChannel, ThreadEvents.BotUser, "I am the bot", botId: ThreadEvents.BotId));
        await _app.SendAsync(ThreadEvents.Message(TestSettings.HelpChannel, "U_NEW", "<@U_NEW> has joined the channel", subtype: "channel_join"));
        await _app.SendAsync(ThreadEvents.Message(TestSettings.CustomerChannel, TestSettings.Customer, "hello team"));
        await _app.SendAsync(ThreadEvents.Message(TestSettings.HelpChannel, "U_OTHER", "sentinel"));

        await _app.WaitForTicketCountAsync(1);
        Assert.Equal("sentinel", Assert.Single(_app.Get<TicketStore>().Unassigned()).Subject);
    }

    [Fact]
    public async Task A_reply_in_a_help_tickets_thread_is_part_of_its_conversation()
    {
        var post = ThreadEvents.Message(TestSettings.HelpChannel, "U_COMMUNITY", "Search returns nothing");
        await _app.SendAsync(post);
        await _app.WaitForTicketCountAsync(1);

        await _app.ReplyAsync(post["ts"]!.GetValue<string>(), TestSettings.Engineer, "Which version?", TestSettings.HelpChannel);

        var ticket = await _app.WaitForTicketAsync(1, t => t.Conversation.TeamReplies == 1);
        Assert.Equal(TicketStatus.Open, ticket.Status);
        Assert.NotNull(ticket.FirstResponseAt);
        Assert.Equal(1, _app.Get<TicketStore>().Count());
    }
}
