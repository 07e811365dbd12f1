using System.Net;
using SupportBot.Outbox;
using SupportBot.Tests.Infrastructure;
using SupportBot.Tickets;

namespace SupportBot.Tests.Outbox;

/// <summary>Messages queued while Slack is down survive the app going away and are delivered by the next one.</summary>
public sealed class OutboxRestartTests : IDisposable
{
    private readonly RestartingApp _apps = new("restart");

    private SupportBotApp Start(Dictionary<string, string?>? settings = null) => _apps.Start(settings);

    public void Dispose() => _apps.Dispose();

    /// <summary>A request form submitted while every post fails: the ticket is stored, its messages owed.</summary>
    private static async Task SubmitWhileSlackIsDownAsync(SupportBotApp app, string subject)
    {
        app.Slack.Fail("chat.postMessage", HttpStatusCode.ServiceUnavailable, count: 1000);
        var requests = app.Requests;
        await requests.InteractAsync(Flows.ButtonPayload("open_request_form", "", TestSettings.Customer, TestSettings.CustomerChannel));
        var view = (await app.Slack.WaitForAsync("views.open"))[0].Args["view"]!.AsObject();
        await requests.InteractAsync(Flows.SubmissionPayload(view, TestSettings.Customer, subject, "d", "High"));
    }

    [Fact]
    public async Task Messages_queued_while_slack_is_down_are_delivered_after_a_restart()
    {
        var first = Start();
        await SubmitWhileSlackIsDownAsync(first, "Queued while down");
        await first.Requests.CommandAsync("/take", "1", TestSettings.Engineer);
        Assert.True(await Eventually.TrueAsync(() => first.Slack.Calls.Count(c => c.Method == "chat.postMessage") >= 2));
        Assert.True(first.Get<OutboxStore>().CountPending() >= 4);
        Assert.Empty(first.Slack.Find("chat.postMessage"));
        first.Dispose();

        var second = Start();
        _ = second.Services;
        Assert.Equal(TestSettings.Engineer, second.Get<TicketStore>().Find(1)!.AssigneeId);
        // the first app's backoff grew with every refused attempt (how many depends on the machine's speed), on its
        // own clock: move this one on until the backlog has gone out, however far that backoff reached
        Assert.True(await second.AdvanceUntilAsync(() => second.Get<OutboxStore>().CountPending() == 0, TimeSpan.FromMinutes(1)),
            "the backlog never drained");

        var number = await second.WaitForTicketNumberAsync("Queued while down");
        Assert.Equal(1, number);
        var confirmation = await second.Slack.WaitForAsync("chat.postMessage",
            c => c.Channel == TestSettings.CustomerChannel && c.Text.Contains("#1", StringComparison.Ordinal));
        var reply = await second.Slack.WaitForAsync("chat.postMessage",
            c => c.Channel == TestSettings.CustomerChannel && c.Text.Contains("will help you", StringComparison.Ordinal));
        Assert.Equal(confirmation[0].AnswerTs, Assert.Single(reply).ThreadTs);
        Assert.Single(second.Slack.Find("chat.postMessage", c => c.Channel == TestSettings.CustomerChannel && c.Text.Contains("will help you", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task After_a_backlog_drains_across_a_restart_new_messages_are_delivered_promptly()
    {
        var first = Start();
        await SubmitWhileSlackIsDownAsync(first, "Backlog then drain");
        Assert.True(await Eventually.TrueAsync(() => first.Slack.Calls.Any(c => c.Method == "chat.postMessage")));
        first.Dispose();

        var second = Start();
        _ = second.Services;
        // the first app's backoff is on its own clock: move this one on until the backlog has gone out
        Assert.True(await second.AdvanceUntilAsync(() => second.Get<OutboxStore>().CountPending() == 0, TimeSpan.FromMinutes(1)),
            "the backlog never drained");

        await second.Requests.CommandAsync("/take", "1", TestSettings.Engineer);

        var reply = await second.Slack.WaitForAsync("chat.postMessage", c => c.Text.Contains("will help you", StringComparison.Ordinal));
        Assert.Single(reply);
        Assert.Single(await second.Slack.WaitForAsync("chat.update"));
    }
}
