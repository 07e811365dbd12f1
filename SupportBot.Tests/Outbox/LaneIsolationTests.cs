using System.Diagnostics;
using SupportBot.Outbox;
using SupportBot.Slack.Blocks;
using SupportBot.Storage;
using SupportBot.Tests.Infrastructure;
using Xunit.Abstractions;

namespace SupportBot.Tests.Outbox;

/// <summary>Each lane is delivered on its own: a channel whose call hangs holds only itself.</summary>
public sealed class LaneIsolationTests(ITestOutputHelper output) : AppTest
{
    private void Queue(params OutboxMessage[] messages) => App.Queue(messages);

    [Fact]
    public async Task A_hung_call_in_one_channel_does_not_delay_another_channels_post()
    {
        Slack.Hang("chat.postMessage", where: FakeSlackApi.InChannel("C_HUNG"));
        _ = App.Services;
        Queue(OutboxMessages.Post("C_HUNG", new SlackMessage("held by a hung call")), OutboxMessages.Post("C_HUNG", new SlackMessage("behind it")));
        Assert.Single(await Slack.WaitForAsync("chat.postMessage", c => c.Channel == "C_HUNG"));

        var started = Stopwatch.GetTimestamp();
        Queue(OutboxMessages.Post("C_FREE", new SlackMessage("a card elsewhere")));
        Assert.Single(await Slack.WaitForAsync("chat.postMessage", c => c.Channel == "C_FREE"));
        output.WriteLine($"delivered beside a hung channel after {Stopwatch.GetElapsedTime(started).TotalMilliseconds:0} ms");

        Assert.Single(Slack.Find("chat.postMessage", c => c.Channel == "C_HUNG")); // its second message keeps its place
    }

    [Fact]
    public async Task A_healed_message_goes_out_while_another_lane_still_has_a_backlog()
    {
        Slack.FailWithError("chat.postMessage", "not_in_channel", where: FakeSlackApi.InChannel("C_LEFT"));
        _ = App.Services;
        Queue(OutboxMessages.Post("C_LEFT", new SlackMessage("owed since the bot left")));
        Assert.True(await Eventually.TrueAsync(() => App.Get<OutboxStore>().FailedMessages().Count == 1));
        Slack.Fail("chat.postMessage", System.Net.HttpStatusCode.TooManyRequests, retryAfterSeconds: 600, where: FakeSlackApi.InChannel("C_BUSY"));
        Queue(OutboxMessages.Post("C_BUSY", new SlackMessage("rate-limited")), OutboxMessages.Post("C_BUSY", new SlackMessage("waits behind it")));
        Assert.True(await Eventually.TrueAsync(() => Slack.Calls.Any(c => c.Channel == "C_BUSY")));

        Assert.Equal(1, App.Get<OutboxHealing>().Heal(OutboxCauses.Channel("C_LEFT")));

        Assert.Single(await Slack.WaitForAsync("chat.postMessage", c => c.Channel == "C_LEFT"));
        Assert.Empty(Slack.Find("chat.postMessage", c => c.Channel == "C_BUSY"));
    }
}
