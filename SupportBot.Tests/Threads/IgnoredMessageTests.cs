using SupportBot.Tests.Infrastructure;
using SupportBot.Tickets;

namespace SupportBot.Tests.Threads;

/// <summary>The bot's own posts, other bots and Slack's system messages are not people talking.</summary>
public sealed class IgnoredMessageTests : IDisposable
{
    private SupportBotApp _app = new();

    public void Dispose()
    {
        _app.Dispose();
        _app.DeleteDatabase();
    }

    private void Restart(SupportBotApp next)
    {
        _app.Dispose();
        _app.DeleteDatabase();
        _app = next;
    }

    private async Task<(int Number, string Thread)> TicketAsync()
    {
        var number = await _app.CreateTicketAsync("Ignored messages");
        return (number, await _app.ThreadOfAsync(number));
    }

    /// <summary>Events are handled in order: once the sentinel reply is in, everything sent before it was handled.</summary>
    private async Task<Ticket> AfterSentinelAsync(int number, string thread)
    {
        await _app.ReplyAsync(thread, TestSettings.Customer, "sentinel");
        return await _app.WaitForTicketAsync(number, t => t.Conversation.Entries.Exists(e => e.Text == "sentinel"));
    }

    [Fact]
    public async Task The_bots_own_messages_are_ignored()
    {
        var (number, thread) = await TicketAsync();
        await _app.Get<SupportBot.Threads.BotIdentity>().ResolveAsync(CancellationToken.None);

        await _app.SendAsync(ThreadEvents.Message(TestSettings.CustomerChannel, ThreadEvents.BotUser, "I posted this", thread, botId: ThreadEvents.BotId));
        await _app.SendAsync(ThreadEvents.Message(TestSettings.CustomerChannel, ThreadEvents.BotUser, "me again, no bot_id", thread));

        var ticket = await AfterSentinelAsync(number, thread);
        Assert.Equal(1, ticket.Conversation.Count);
    }

    [Fact]
    public async Task Other_bots_are_ignored_by_default()
    {
        var (number, thread) = await TicketAsync();

        await _app.SendAsync(ThreadEvents.Message(TestSettings.CustomerChannel, "U_OTHERBOT", "beep", thread, botId: "B_OTHER"));
        await _app.SendAsync(ThreadEvents.Message(TestSettings.CustomerChannel, null, "webhook", thread, subtype: "bot_message", botId: "B_HOOK"));

        var ticket = await AfterSentinelAsync(number, thread);
        Assert.Equal(1, ticket.Conversation.Count);
        Assert.Equal(TicketStatus.New, ticket.Status);
    }

    [Fact]
    public async Task Other_bots_count_as_people_when_AllowBots_is_set_but_never_the_bot_itself()
    {
        Restart(new SupportBotApp(new() { ["Slack:AllowBots"] = "true" }));
        var (number, thread) = await TicketAsync();

        await _app.SendAsync(ThreadEvents.Message(TestSettings.CustomerChannel, "U_OTHERBOT", "beep", thread, botId: "B_OTHER"));
        await _app.SendAsync(ThreadEvents.Message(TestSettings.CustomerChannel, ThreadEvents.BotUser, "own post", thread, botId: ThreadEvents.BotId));

        var ticket = await AfterSentinelAsync(number, thread);
        Assert.Equal(["beep", "sentinel"], ticket.Conversation.Entries.Select(e => e.Text));
    }

    [Fact]
    public async Task Joins_leaves_deletions_and_hidden_messages_are_ignored()
    {
        var (number, thread) = await TicketAsync();

        foreach (var subtype in new[] { "channel_join", "channel_leave", "message_deleted", "group_join", "reminder_add" })
            await _app.SendAsync(ThreadEvents.Message(TestSettings.CustomerChannel, "U_NEW", subtype, thread, subtype: subtype));

        var ticket = await AfterSentinelAsync(number, thread);
        Assert.Equal(1, ticket.Conversation.Count);
    }

    [Fact]
    public async Task Thread_broadcasts_and_file_shares_are_people_talking()
    {
        var (number, thread) = await TicketAsync();

        await _app.SendAsync(ThreadEvents.Message(TestSettings.CustomerChannel, TestSettings.Customer, "also to channel", thread, subtype: "thread_broadcast"));
        await _app.SendAsync(ThreadEvents.Message(TestSettings.CustomerChannel, TestSettings.Customer, "log attached", thread, subtype: "file_share"));

        var ticket = await AfterSentinelAsync(number, thread);
        Assert.Equal(3, ticket.Conversation.CustomerReplies);
    }

    [Fact]
    public async Task Without_auth_test_the_bots_messages_are_still_ignored_by_bot_id()
    {
        var slack = new FakeSlackApi();
        slack.FailWithError("auth.test", "invalid_auth", count: 100);
        Restart(new SupportBotApp(new() { ["Slack:AllowBots"] = "true" }, slack: slack));
        var (number, thread) = await TicketAsync();
        Assert.Equal(System.Net.HttpStatusCode.OK, (await _app.CreateClient().GetAsync(new Uri("/health", UriKind.Relative))).StatusCode);

        await _app.SendAsync(ThreadEvents.Message(TestSettings.CustomerChannel, ThreadEvents.BotUser, "own post", thread, botId: ThreadEvents.BotId));

        var ticket = await AfterSentinelAsync(number, thread);
        Assert.Equal(1, ticket.Conversation.Count);
    }
}
