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
}
