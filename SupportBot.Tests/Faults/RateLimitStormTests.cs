using System.Net;
using SupportBot.Outbox;
using SupportBot.Slack.Blocks;
using SupportBot.Storage;
using SupportBot.Tests.Infrastructure;

namespace SupportBot.Tests.Faults;

/// <summary>
/// 429 storms and Slack's per-channel posting limit ("1 message per second per channel, short bursts allowed",
/// api.slack.com/docs/rate-limits). Times are read on the app's fake clock, recorded by the fake with each call.
/// </summary>
public sealed class RateLimitStormTests() : AppTest(new()
{
    ["Outbox:PerChannelInterval"] = "00:00:01",
    ["Outbox:PerChannelBurst"] = "1", // every post spaced, so the spacing is what these tests see
    ["Outbox:Concurrency"] = "4",
})
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    private void Queue(params OutboxMessage[] messages) => App.Queue(messages);

    private static OutboxMessage Post(string channel, string text) => OutboxMessages.Post(channel, new SlackMessage(text));

    private static OutboxMessage[] Burst(string channel, int count) =>
        Enumerable.Range(1, count).Select(i => Post(channel, $"{channel} message {i}")).ToArray();

    private List<SlackCall> Posts(string? channel = null, bool delivered = true) => Slack.Calls
        .Where(c => c.Method == "chat.postMessage" && (channel is null || c.Channel == channel) && (!delivered || c.Faulted is null))
        .ToList();

    private static string Text(SlackCall call) => call.Args["text"]!.GetValue<string>();

    [Fact]
    public async Task A_429_storm_is_waited_out_to_the_second_and_every_message_still_goes_once_in_order()
    {
        Slack.Fail("chat.postMessage", HttpStatusCode.TooManyRequests, count: 4, retryAfterSeconds: 10);
        _ = App.Services;

        Queue([.. Burst("C_STORM", 5), Post("C_CALM", "calm")]);

        Assert.True(await App.StepUntilAsync(() => Posts("C_STORM").Count == 5 && Posts("C_CALM").Count == 1, Interval, maxSteps: 90),
            "the storm dropped or stranded messages");
        var attempts = Posts(delivered: false);
        var limited = attempts.Where(c => c.Faulted == "429").ToList();
        Assert.Equal(4, limited.Count);
        foreach (var refusal in limited)
        {
            // Slack limits per method: after a 429, no post to any channel until Retry-After has passed
            var early = attempts.Where(c => c.AppTime > refusal.AppTime && c.AppTime < refusal.AppTime + TimeSpan.FromSeconds(10)).ToList();
            Assert.True(early.Count == 0, $"retried {early.Count} posts before Retry-After elapsed");
        }
        Assert.True(limited.Select(c => c.AppTime).Distinct().Count() >= 2, "the storm did not outlast one Retry-After");
        Assert.Equal(Enumerable.Range(1, 5).Select(i => $"C_STORM message {i}"), Posts("C_STORM").Select(Text));
        SpacedByTheInterval(Posts("C_STORM"));
        Assert.Equal(0, App.Get<OutboxStore>().CountPending());
    }

    [Fact]
    public async Task Posts_to_one_channel_go_one_per_interval_while_other_channels_and_lone_messages_do_not_wait()
    {
        _ = App.Services;
        var start = App.Time.GetUtcNow();

        Queue([.. Burst("C_BUSY", 6), Post("C_A", "a"), Post("C_B", "b"), Post("C_C", "c")]);

        // at the same instant: the busy channel's first post and every other channel's only one
        await App.SettleAsync();
        Assert.Single(Posts("C_BUSY"));
        Assert.Equal(4, Posts().Count);
        Assert.All(Posts(), c => Assert.Equal(start, c.AppTime));

        // in half intervals, so a post let go early shows; each step waits until the outbox has sent what was due
        Assert.True(await App.StepUntilAsync(() => Posts("C_BUSY").Count == 6, Interval / 2, maxSteps: 20), "the burst was dropped or stalled");
        Assert.Equal(Enumerable.Range(1, 6).Select(i => $"C_BUSY message {i}"), Posts("C_BUSY").Select(Text));
        // one per interval, to the instant: neither sooner nor slower
        Assert.Equal(Enumerable.Range(0, 6).Select(k => start + k * Interval), Posts("C_BUSY").Select(c => c.AppTime!.Value));

        // a while later, a lone message to the busy channel goes at once
        App.Time.Advance(TimeSpan.FromMinutes(1));
        var later = App.Time.GetUtcNow();
        Queue(Post("C_BUSY", "lone"));
        Assert.True(await Eventually.TrueAsync(() => Posts("C_BUSY").Count == 7));
        Assert.Equal(later, Posts("C_BUSY")[^1].AppTime);
    }

    [Fact]
    public async Task Updates_and_other_methods_are_not_held_back_by_a_channels_pacing()
    {
        _ = App.Services;
        var start = App.Time.GetUtcNow();
        var update = OutboxMessages.Post("C_BUSY", new SlackMessage("edited"));
        update.Method = "chat.update";

        Queue(Post("C_BUSY", "first"), OutboxMessages.Ephemeral("C_BUSY", TestSettings.Customer, new SlackMessage("just you")), update);

        Assert.True(await Eventually.TrueAsync(() => Slack.Find("chat.update").Count == 1), "an update waited for the channel's pacing");
        Assert.All(Slack.Calls.Where(c => c.Channel == "C_BUSY"), c => Assert.Equal(start, c.AppTime));
    }

    private static void SpacedByTheInterval(List<SlackCall> posts)
    {
        for (var i = 1; i < posts.Count; i++)
            Assert.True(posts[i].AppTime - posts[i - 1].AppTime >= Interval, $"posts {i} and {i + 1} came {posts[i].AppTime - posts[i - 1].AppTime} apart");
    }
}
