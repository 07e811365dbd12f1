using System.Globalization;
using SupportBot.Tests.Infrastructure;
using SupportBot.Tickets;

namespace SupportBot.Tests.Threads;

public sealed class ThreadReplyTests : IDisposable
{
    private readonly SupportBotApp _app = new();

    public void Dispose()
    {
        _app.Dispose();
        _app.DeleteDatabase();
    }

    private static string N(int number) => number.ToString(CultureInfo.InvariantCulture);

    [Fact]
    public async Task An_engineers_first_reply_in_the_thread_is_the_first_response_and_opens_the_ticket()
    {
        var number = await _app.CreateTicketAsync("Indexing stalls");
        var thread = await _app.ThreadOfAsync(number);

        await _app.ReplyAsync(thread, TestSettings.Engineer, "Thanks! Can you send the frontend logs?");

        var ticket = await _app.WaitForTicketAsync(number, t => t.Conversation.TeamReplies == 1);
        Assert.Equal(TicketStatus.Open, ticket.Status);
        Assert.NotNull(ticket.FirstResponseAt);
        Assert.InRange(ticket.FirstResponseAt.Value, _app.Time.GetUtcNow().UtcDateTime.AddSeconds(-1), _app.Time.GetUtcNow().UtcDateTime.AddSeconds(1));
        Assert.Contains(ticket.History, h => h.What.Contains("First response", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Later_engineer_replies_keep_the_first_response_time()
    {
        var number = await _app.CreateTicketAsync("Batch changes fail");
        var thread = await _app.ThreadOfAsync(number);
        await _app.ReplyAsync(thread, TestSettings.Engineer, "Looking into it");
        var first = (await _app.WaitForTicketAsync(number, t => t.Conversation.TeamReplies == 1)).FirstResponseAt;

        _app.Time.Advance(TimeSpan.FromMinutes(30));
        await _app.ReplyAsync(thread, TestSettings.Engineer2, "Found the cause");

        var ticket = await _app.WaitForTicketAsync(number, t => t.Conversation.TeamReplies == 2);
        Assert.Equal(first, ticket.FirstResponseAt);
        Assert.True(ticket.Conversation.LastTeamReplyAt > first);
    }

    [Fact]
    public async Task A_customer_reply_to_a_new_ticket_is_recorded_and_changes_nothing_else()
    {
        var number = await _app.CreateTicketAsync("SSO redirect loop");
        var thread = await _app.ThreadOfAsync(number);

        await _app.ReplyAsync(thread, TestSettings.Customer, "Adding a screenshot");

        var ticket = await _app.WaitForTicketAsync(number, t => t.Conversation.CustomerReplies == 1);
        Assert.Equal(TicketStatus.New, ticket.Status);
        Assert.Null(ticket.FirstResponseAt);
        Assert.Equal("Adding a screenshot", Assert.Single(ticket.Conversation.Entries).Text);
    }

    [Theory]
    [InlineData("pending")]
    [InlineData("on-hold")]
    [InlineData("solved confirmed")]
    public async Task A_customer_reply_reopens_the_ticket_and_nudges_the_assignee_privately(string status)
    {
        var number = await _app.CreateTicketAsync($"Search broken {status}");
        var thread = await _app.ThreadOfAsync(number);
        await _app.Requests.CommandAsync("/take", N(number), TestSettings.Engineer);
        Assert.Contains("now", (await _app.StatusAsync(number, status)).Text, StringComparison.Ordinal);

        await _app.ReplyAsync(thread, TestSettings.Customer, "Here are the logs you asked for");

        var ticket = await _app.WaitForTicketAsync(number, t => t.Status == TicketStatus.Open);
        Assert.Equal(1, ticket.Conversation.CustomerReplies);
        var nudge = await _app.Slack.WaitForAsync("chat.postMessage",
            c => c.Channel == TestSettings.Engineer && c.Text.Contains($"#{number}", StringComparison.Ordinal));
        Assert.Contains("back to *Open*", Assert.Single(nudge).Text, StringComparison.Ordinal);
        Assert.DoesNotContain(_app.Slack.Find("chat.postMessage", c => c.Channel == TestSettings.CustomerChannel),
            c => c.Text.Contains("back to", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_reply_to_a_closed_ticket_opens_a_follow_up_in_the_same_thread()
    {
        var number = await _app.CreateTicketAsync("Original problem");
        var thread = await _app.ThreadOfAsync(number);
        await _app.Requests.CommandAsync("/take", N(number), TestSettings.Engineer);
        await _app.StatusAsync(number, "solved confirmed");
        await _app.StatusAsync(number, "closed");

        await _app.ReplyAsync(thread, TestSettings.Customer, "It is happening again");

        await _app.WaitForTicketCountAsync(2);
        var followUp = _app.Ticket(number + 1);
        Assert.Equal(TicketStatus.Closed, _app.Ticket(number).Status);
        Assert.Equal(number, followUp.FollowUpOf);
        Assert.Equal(TicketSource.FollowUp, followUp.Source);
        Assert.Equal(thread, followUp.ThreadTs);
        Assert.Equal("Original problem", followUp.Subject);
        Assert.Equal("It is happening again", followUp.Description);
        Assert.Equal(1, followUp.Conversation.CustomerReplies);
        Assert.Contains($"Follow-up of #{number}", (await _app.StatusAsync(followUp.Number)).Text, StringComparison.Ordinal);
        var card = await _app.Slack.WaitForAsync("chat.postMessage", c => c.Channel == TestSettings.SupportChannel
            && c.Text.Contains($"Follow-up of #{number} · #{followUp.Number}", StringComparison.Ordinal));
        Assert.NotEmpty(card);
        var announced = await _app.Slack.WaitForAsync("chat.postMessage", c => c.Channel == TestSettings.CustomerChannel
            && c.ThreadTs == thread && c.Text.Contains($"#{followUp.Number}", StringComparison.Ordinal));
        Assert.Contains($"follow-up of #{number}", Assert.Single(announced).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Further_replies_in_the_thread_go_to_the_follow_up_not_to_new_tickets()
    {
        var number = await _app.CreateTicketAsync("Recurring crash");
        var thread = await _app.ThreadOfAsync(number);
        await _app.StatusAsync(number, "solved confirmed");
        await _app.StatusAsync(number, "closed");
        await _app.ReplyAsync(thread, TestSettings.Customer, "Crashed again");
        await _app.WaitForTicketCountAsync(2);

        await _app.ReplyAsync(thread, TestSettings.Customer, "And once more");
        await _app.ReplyAsync(thread, TestSettings.Engineer, "On it");

        var followUp = await _app.WaitForTicketAsync(number + 1, t => t.Conversation.Count == 3);
        Assert.Equal(TicketStatus.Open, followUp.Status);
        Assert.Equal(2, _app.Get<TicketStore>().Count());
        Assert.Equal(0, _app.Ticket(number).Conversation.Count);
    }

    [Fact]
    public async Task Status_shows_the_conversation_count_and_last_reply_times()
    {
        var number = await _app.CreateTicketAsync("Slow diff view");
        var thread = await _app.ThreadOfAsync(number);
        await _app.ReplyAsync(thread, TestSettings.Customer, "Still slow");
        await _app.ReplyAsync(thread, TestSettings.Engineer, "Checking");
        await _app.WaitForTicketAsync(number, t => t.Conversation.Count == 2);

        var status = await _app.StatusAsync(number);

        var stamp = _app.Time.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
        Assert.Contains("Conversation: 2 replies (1 customer, 1 engineer)", status.Text, StringComparison.Ordinal);
        Assert.Contains($"last customer reply: {stamp}", status.Text, StringComparison.Ordinal);
        Assert.Contains($"last engineer reply: {stamp}", status.Text, StringComparison.Ordinal);
    }
}
