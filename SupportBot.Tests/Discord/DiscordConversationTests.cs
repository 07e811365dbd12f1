using System.Net;
using SupportBot.Tests.Infrastructure;
using SupportBot.Tickets;
using static SupportBot.Tests.Discord.DiscordPayloads;

namespace SupportBot.Tests.Discord;

/// <summary>A Discord ticket's thread both ways: replies by the customer and the team, and answers from Slack.</summary>
public sealed class DiscordConversationTests : IDisposable
{
    private readonly DiscordDesk _desk = new();

    [Fact]
    public async Task The_customers_reply_is_not_a_first_response_the_teams_is_and_a_customer_reply_reopens_pending()
    {
        var thread = await _desk.AskAsync(Dana, "Dana Requester", "CSV export stops at 1000 rows");
        var number = _desk.TicketOf(thread).Number;

        await _desk.SendAsync("MESSAGE_CREATE", Message(thread, Author(Dana, "Dana Requester"), "Here is the HAR file."));
        Assert.Equal(TicketStatus.New, _desk.Current(number).Status);
        Assert.Null(_desk.Current(number).FirstResponseAt);

        await _desk.SendAsync("MESSAGE_CREATE", Message(thread, Author(Alex, "Alex Engineer"), "Thanks Dana, we reproduce it."));
        var ticket = _desk.Current(number);
        Assert.Equal(TicketStatus.Open, ticket.Status);
        Assert.NotNull(ticket.FirstResponseAt);
        Assert.Contains(ticket.Conversation.Entries, e => e.FromTeam && e.Text == "Thanks Dana, we reproduce it.");
        await _desk.App.Slack.WaitForAsync("chat.postMessage", c => c.Channel == TestSettings.SupportChannel
            && c.Text.Contains("Alex Engineer", StringComparison.Ordinal) && c.Text.Contains("we reproduce it", StringComparison.Ordinal));

        var history = (await _desk.App.Requests.CommandAsync("/status", $"{number}", TestSettings.Engineer)).Text;
        Assert.Contains($"`discord:{Alex}`: First response in the thread", history, StringComparison.Ordinal);
        Assert.DoesNotContain("<@discord:", history, StringComparison.Ordinal);

        await _desk.App.Requests.CommandAsync("/take", $"{number}", TestSettings.Engineer);
        await _desk.App.Requests.CommandAsync("/status", $"{number} pending", TestSettings.Engineer);
        Assert.Equal(TicketStatus.Pending, _desk.Current(number).Status);
        await _desk.SendAsync("MESSAGE_CREATE", Message(thread, Author(Dana, "Dana Requester"), "It happens again with the new export."));
        Assert.Equal(TicketStatus.Open, _desk.Current(number).Status);
        Assert.Equal(1, _desk.App.Get<TicketStore>().Count());
    }

    [Fact]
    public async Task A_status_reply_is_posted_in_the_thread_escaped_and_pinging_nobody()
    {
        var thread = await _desk.AskAsync(Dana, "Dana Requester", "Search index is a day behind");
        var number = _desk.TicketOf(thread).Number;
        await _desk.Rest.WaitForAsync(c => c.Channel == thread && c.Status == HttpStatusCode.OK);

        var answer = await _desk.App.Requests.CommandAsync("/status", $"{number} reply Reindexed *all* of report_2024.csv @everyone @here <@&1183373427319939103> see https://status.example.com/a_b_c",
            TestSettings.Engineer);
        Assert.Contains("Sending", answer.Text, StringComparison.Ordinal);

        var posts = await _desk.Rest.WaitForAsync(c => c.Channel == thread && c.Status == HttpStatusCode.OK, count: 2);
        var reply = posts[1];
        // Slack's emphasis is dropped and its mention markup named (as for mail); Discord's markdown is escaped, links kept
        Assert.Equal(@"Reindexed all of report\_2024.csv @everyone @here a support engineer see https://status.example.com/a_b_c", reply.Content);
        Assert.Empty(reply.Body!["allowed_mentions"]!["parse"]!.AsArray());
        Assert.Null(reply.Body["allowed_mentions"]!["roles"]);
        Assert.Equal(TicketStatus.Open, _desk.Current(number).Status);
        Assert.NotNull(_desk.Current(number).FirstResponseAt);
    }

    [Fact]
    public async Task A_429_is_waited_out_for_its_retry_after_on_the_apps_clock_and_the_post_arrives_once()
    {
        var thread = await _desk.AskAsync(Dana, "Dana Requester", "Billing page shows the old plan");
        var number = _desk.TicketOf(thread).Number;
        await _desk.Rest.WaitForAsync(c => c.Channel == thread && c.Status == HttpStatusCode.OK);
        _desk.Rest.RateLimit(c => c.Channel == thread && c.Content.Contains("reload", StringComparison.Ordinal), retryAfter: 30);

        await _desk.App.Requests.CommandAsync("/status", $"{number} reply Fixed, please reload the billing page", TestSettings.Engineer);
        var limited = await _desk.Rest.WaitForAsync(c => c.Channel == thread && c.Status == (HttpStatusCode)429);
        Assert.True(await _desk.App.AdvanceUntilAsync(
            () => _desk.Rest.Posts(thread).Any(c => c.Content.Contains("reload", StringComparison.Ordinal)), TimeSpan.FromSeconds(10), maxSteps: 6));

        var ok = Assert.Single(_desk.Rest.Posts(thread), c => c.Content.Contains("reload", StringComparison.Ordinal));
        Assert.True(ok.At - limited[0].At >= TimeSpan.FromSeconds(30), $"retried {ok.At - limited[0].At} after a retry_after of 30 s");
        Assert.Equal(2, _desk.Rest.Calls.Count(c => c.Channel == thread && c.Content.Contains("reload", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_thread_the_bot_may_not_post_in_is_set_aside_and_the_team_is_told()
    {
        _desk.Rest.Refuse(c => c.Route.EndsWith("/threads", StringComparison.Ordinal), HttpStatusCode.Forbidden, 50013, "Missing Permissions");
        var thread = await _desk.AskAsync(Sam, "Sam Second", "Our API keys vanished");

        var told = await _desk.App.Slack.WaitForAsync("chat.postMessage", c => c.Channel == TestSettings.SupportChannel
            && c.Text.Contains("Create Public Threads", StringComparison.Ordinal));
        Assert.Contains($"#{_desk.TicketOf(thread).Number}", told[0].Text, StringComparison.Ordinal);
        Assert.Empty(_desk.Rest.Posts(thread));
    }

    public void Dispose() => _desk.Dispose();
}
