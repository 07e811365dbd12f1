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

    [Fact]
    public async Task Messages_queued_while_slack_is_down_are_delivered_after_a_restart()
    {
        var first = Start();
        first.Slack.Fail("chat.postMessage", HttpStatusCode.ServiceUnavailable, count: 1000);
        var requests = first.Requests;
        await requests.InteractAsync(Flows.ButtonPayload("open_request_form", "", TestSettings.Customer, TestSettings.CustomerChannel));
        var view = (await first.Slack.WaitForAsync("views.open"))[0].Args["view"]!.AsObject();
        await requests.InteractAsync(Flows.SubmissionPayload(view, TestSettings.Customer, "Queued while down", "d", "High"));
        await requests.CommandAsync("/take", "1", TestSettings.Engineer);
        Assert.True(await Eventually.TrueAsync(() => first.Slack.Calls.Count(c => c.Method == "chat.postMessage") >= 2));
        Assert.True(first.Get<OutboxStore>().CountPending() >= 4);
        Assert.Empty(first.Slack.Find("chat.postMessage"));
        first.Dispose();

        var second = Start();
        _ = second.Services;
        second.Time.Advance(TimeSpan.FromMinutes(1)); // the restart came later than the backoff the first app set
        Assert.Equal(TestSettings.Engineer, second.Get<TicketStore>().Find(1)!.AssigneeId);

        var number = await second.WaitForTicketNumberAsync("Queued while down");
        Assert.Equal(1, number);
        var confirmation = await second.Slack.WaitForAsync("chat.postMessage",
            c => c.Channel == TestSettings.CustomerChannel && c.Text.Contains("#1", StringComparison.Ordinal));
        var reply = await second.Slack.WaitForAsync("chat.postMessage",
            c => c.Channel == TestSettings.CustomerChannel && c.Text.Contains("will help you", StringComparison.Ordinal));
        Assert.Equal(confirmation[0].AnswerTs, Assert.Single(reply).ThreadTs);
        Assert.True(await Eventually.TrueAsync(() => second.Get<OutboxStore>().CountPending() == 0));
        Assert.Single(second.Slack.Find("chat.postMessage", c => c.Channel == TestSettings.CustomerChannel && c.Text.Contains("will help you", StringComparison.Ordinal)));
    }
}
