using SupportBot.Outbox;
using SupportBot.Slack.Blocks;
using SupportBot.Storage;
using SupportBot.Tests.Infrastructure;

namespace SupportBot.Tests.Faults;

/// <summary>"Short bursts allowed": a channel takes a few posts at once, then one per interval on average.</summary>
public sealed class PacingBurstTests() : AppTest(new()
{
    ["Outbox:PerChannelInterval"] = "00:00:01",
    ["Outbox:PerChannelBurst"] = "3",
})
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    private List<SlackCall> Posts() => Slack.Calls.Where(c => c.Method == "chat.postMessage" && c.Faulted is null).ToList();

    [Fact]
    public async Task A_burst_goes_at_once_and_the_rest_follow_one_per_interval()
    {
        _ = App.Services;
        var start = App.Time.GetUtcNow();
        App.Get<IStoreGate>().Write(s =>
        {
            for (var i = 1; i <= 5; i++)
                OutboxStore.Enqueue(s, OutboxMessages.Post("C_BUSY", new SlackMessage($"message {i}")), start.UtcDateTime);
        });
        App.Get<OutboxSignal>().Notify();

        await App.SettleAsync();
        Assert.Equal(3, Posts().Count); // the burst allowance, used at once
        Assert.True(await App.StepUntilAsync(() => Posts().Count == 5, Interval / 2, maxSteps: 20), "the rest stalled");

        // the cell-rate schedule to the instant: three at once, then one per interval, neither sooner nor slower
        var times = Posts().Select(p => p.AppTime!.Value - start).ToList();
        Assert.Equal([TimeSpan.Zero, TimeSpan.Zero, TimeSpan.Zero, Interval, 2 * Interval], times);
        Assert.Equal(Enumerable.Range(1, 5).Select(i => $"message {i}"), Posts().Select(p => p.Text));
    }
}
