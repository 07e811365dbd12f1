using SupportBot.Tests.Infrastructure;
using SupportBot.Tickets;

namespace SupportBot.Tests.Threads;

/// <summary>Slack retries an event (X-Slack-Retry-Num 1–3, minutes later, even across our restart): it must act once.</summary>
public sealed class EventDeliveryTests : IDisposable
{
    private readonly SupportBotApp _app = new();

    public void Dispose()
    {
        _app.Dispose();
        _app.DeleteDatabase();
    }

    [Fact]
    public async Task Slack_retries_of_a_reply_are_recorded_once()
    {
        var number = await _app.CreateTicketAsync("Retried reply");
        var thread = await _app.ThreadOfAsync(number);
        var reply = ThreadEvents.Message(TestSettings.CustomerChannel, TestSettings.Customer, "once", thread);

        for (var retry = 0; retry <= 3; retry++)
        {
            var response = await _app.SendAsync(reply, "EvREPLY0001", retry == 0 ? null : retry);
            Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        }
        await _app.ReplyAsync(thread, TestSettings.Customer, "sentinel");

        var ticket = await _app.WaitForTicketAsync(number, t => t.Conversation.Entries.Exists(e => e.Text == "sentinel"));
        Assert.Equal(2, ticket.Conversation.CustomerReplies);
    }

    [Fact]
    public async Task The_same_message_under_two_event_ids_is_counted_once()
    {
        var number = await _app.CreateTicketAsync("Duplicate delivery");
        var thread = await _app.ThreadOfAsync(number);
        var reply = ThreadEvents.Message(TestSettings.CustomerChannel, TestSettings.Engineer, "hello", thread);

        await _app.SendAsync(reply, "EvDUP0001");
        await _app.SendAsync(reply, "EvDUP0002");
        await _app.ReplyAsync(thread, TestSettings.Customer, "sentinel");

        var ticket = await _app.WaitForTicketAsync(number, t => t.Conversation.CustomerReplies == 1);
        Assert.Equal(1, ticket.Conversation.TeamReplies);
    }

    [Fact]
    public async Task A_retry_after_a_restart_does_not_act_again()
    {
        var post = ThreadEvents.Message(TestSettings.HelpChannel, "U_COMMUNITY", "How do I rotate tokens?");
        await _app.SendAsync(post, "EvRESTART01");
        await _app.WaitForTicketCountAsync(1);
        var thread = post["ts"]!.GetValue<string>();
        var reply = ThreadEvents.Message(TestSettings.HelpChannel, "U_COMMUNITY", "any news?", thread);
        await _app.SendAsync(reply, "EvRESTART02");
        await _app.WaitForTicketAsync(1, t => t.Conversation.Count == 1);
        _app.Dispose();

        using var restarted = new SupportBotApp(dbPath: _app.DbPath);
        for (var retry = 1; retry <= 3; retry++)
        {
            await restarted.SendAsync(post, "EvRESTART01", retry);
            await restarted.SendAsync(reply, "EvRESTART02", retry);
        }
        await restarted.SendAsync(ThreadEvents.Message(TestSettings.HelpChannel, "U_OTHER", "sentinel post"));

        await restarted.WaitForTicketCountAsync(2);
        Assert.Equal(2, restarted.Get<TicketStore>().Count());
        Assert.Equal("sentinel post", restarted.Ticket(2).Subject);
        Assert.Equal(1, restarted.Ticket(1).Conversation.Count);
        Assert.Empty(restarted.Slack.Find("chat.postMessage", c => c.ThreadTs == thread));
    }
}
