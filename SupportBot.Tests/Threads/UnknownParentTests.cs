using SupportBot.Tests.Infrastructure;
using SupportBot.Tickets;

namespace SupportBot.Tests.Threads;

/// <summary>A #help reply that arrives before its parent post became a ticket (or whose parent's event was lost).</summary>
public sealed class UnknownParentTests : IDisposable
{
    private readonly SupportBotApp _app = new();

    public void Dispose()
    {
        _app.Dispose();
        _app.DeleteDatabase();
    }

    [Fact]
    public async Task A_reply_before_its_post_reads_the_post_makes_its_ticket_and_joins_it_once()
    {
        var post = ThreadEvents.Message(TestSettings.HelpChannel, "U_COMMUNITY", "Rate limits on the API?");
        var ts = post["ts"]!.GetValue<string>();
        _app.Slack.Workspace.AddMessage(TestSettings.HelpChannel, ts, "U_COMMUNITY", "Rate limits on the API?");

        await _app.ReplyAsync(ts, "U_COMMUNITY", "We hit 429s at 100 rps", TestSettings.HelpChannel);
        await _app.SendAsync(post); // the parent's own event, late: the same ticket
        await _app.SendAsync(ThreadEvents.Message(TestSettings.HelpChannel, "U_OTHER", "sentinel"));

        await _app.WaitForTicketCountAsync(2);
        var ticket = _app.Ticket(1);
        Assert.Equal("Rate limits on the API?", ticket.Subject);
        Assert.Equal(ts, ticket.ThreadTs);
        Assert.Equal("We hit 429s at 100 rps", Assert.Single(ticket.Conversation.Entries).Text);
        Assert.Equal("sentinel", _app.Ticket(2).Subject);
        Assert.NotEmpty(_app.Slack.Find("conversations.history", c => c.Args["latest"]?.GetValue<string>() == ts));
    }

    [Fact]
    public async Task A_reply_whose_post_cannot_be_read_yet_is_tried_again_and_joins_the_ticket()
    {
        var post = ThreadEvents.Message(TestSettings.HelpChannel, "U_COMMUNITY", "Audit log export?");
        var ts = post["ts"]!.GetValue<string>();
        _app.Slack.Workspace.AddMessage(TestSettings.HelpChannel, ts, "U_COMMUNITY", "Audit log export?");
        _app.Slack.FailWithError("conversations.history", "not_in_channel");

        await _app.ReplyAsync(ts, "U_COMMUNITY", "Needed for SOC2", TestSettings.HelpChannel);
        await ThreadEvents.WaitUntilAsync(() => _app.Slack.Calls.Any(c => c.Method == "conversations.history" && c.Faulted is not null) ? "" : null,
            "the refused read of the parent");
        await _app.SendAsync(post);

        var ticket = await _app.WaitForTicketAsync(1, t => t.Conversation.Count == 1);
        Assert.Equal("Needed for SOC2", Assert.Single(ticket.Conversation.Entries).Text);
        Assert.Equal("Audit log export?", ticket.Subject);
        Assert.Equal(1, _app.Get<TicketStore>().Count());
    }
}
