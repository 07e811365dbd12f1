using System.Net;
using SupportBot.Outbox;
using SupportBot.Slack.Blocks;
using SupportBot.Storage;
using SupportBot.Tests.Infrastructure;

namespace SupportBot.Tests.Outbox;

/// <summary>
/// What the bot owes Slack is delivered by the hosted worker despite rate limits, outages and refusals.
/// The worker sleeps on the app's <see cref="Microsoft.Extensions.Time.Testing.FakeTimeProvider"/>, so these tests move the clock.
/// </summary>
public sealed class OutboxDeliveryTests() : AppTest(new() { ["Outbox:Concurrency"] = "1" })
{
    private OutboxStore Store => App.Get<OutboxStore>();

    private void Queue(params OutboxMessage[] messages) => App.Queue(messages);

    private static OutboxMessage Post(string channel, string text) => OutboxMessages.Post(channel, new SlackMessage(text));

    private static OutboxMessage Update(string channel, string text) => new()
    {
        Lane = channel,
        Method = "chat.update",
        Args = new System.Text.Json.Nodes.JsonObject { ["channel"] = channel, ["ts"] = "1.000100", ["text"] = text }.ToJsonString(),
    };

    private IReadOnlyList<SlackCall> Delivered(string channel) => Slack.Find("chat.postMessage", c => c.Channel == channel);

    private List<SlackCall> Attempts(string channel) =>
        Slack.Calls.Where(c => c.Method == "chat.postMessage" && c.Channel == channel).ToList();

    [Fact]
    public async Task A_rate_limited_message_is_retried_after_retry_after_and_sent_once()
    {
        Slack.Fail("chat.postMessage", HttpStatusCode.TooManyRequests, retryAfterSeconds: 30);
        _ = App.Services;

        Queue(Post("C_RL", "hello"));

        Assert.True(await Eventually.TrueAsync(() => Store.Pending(10) is [{ Attempts: 1 }]), "the 429 was not recorded");
        var waiting = Assert.Single(Store.Pending(10));
        Assert.Equal("ratelimited", waiting.LastError);
        Assert.Equal(App.Time.GetUtcNow().UtcDateTime.AddSeconds(30), waiting.NextAttemptAt, TimeSpan.FromSeconds(1));

        App.Time.Advance(TimeSpan.FromSeconds(29));
        App.Get<OutboxSignal>().Notify();
        Assert.False(await Eventually.TrueAsync(() => Delivered("C_RL").Count > 0, 300), "sent before Retry-After passed");

        Assert.True(await App.AdvanceUntilAsync(() => Delivered("C_RL").Count > 0, TimeSpan.FromSeconds(1)), "never retried");
        Assert.True(await Eventually.TrueAsync(() => Store.CountPending() == 0));
        Assert.Single(Delivered("C_RL"));
        Assert.Equal(2, Attempts("C_RL").Count);
    }

    [Fact]
    public async Task A_rate_limited_channel_holds_only_its_own_posts()
    {
        Slack.Fail("chat.postMessage", HttpStatusCode.TooManyRequests, retryAfterSeconds: 20, where: FakeSlackApi.InChannel("C_A"));
        _ = App.Services;

        Queue(Post("C_A", "first"), Post("C_A", "second in line"), Post("C_B", "another channel"));

        Assert.Single(await Slack.WaitForAsync("chat.postMessage", c => c.Channel == "C_B"));
        Assert.Single(Attempts("C_A"));
        Assert.Empty(Delivered("C_A"));

        Assert.True(await App.AdvanceUntilAsync(() => Delivered("C_A").Count == 2, TimeSpan.FromSeconds(5)));
        Assert.Equal(["first", "second in line"], Delivered("C_A").Select(c => c.Text));
    }

    [Fact]
    public async Task A_rate_limit_on_another_method_pauses_that_method_for_every_channel()
    {
        Slack.Fail("chat.update", HttpStatusCode.TooManyRequests, retryAfterSeconds: 20);
        _ = App.Services;

        Queue(Update("C_A", "first"), Update("C_B", "second"), Post("C_C", "a post goes on"));

        Assert.True(await Eventually.TrueAsync(() => Slack.Calls.Count(c => c.Method == "chat.update") == 1));
        Assert.Single(await Slack.WaitForAsync("chat.postMessage", c => c.Channel == "C_C"));
        Assert.Equal(1, Slack.Calls.Count(c => c.Method == "chat.update")); // C_B's update waits for the method's pause

        Assert.True(await App.AdvanceUntilAsync(() => Slack.Find("chat.update").Count == 2, TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public async Task Server_errors_back_off_and_then_deliver()
    {
        Slack.Fail("chat.postMessage", HttpStatusCode.ServiceUnavailable, count: 3);
        _ = App.Services;

        Queue(Post("C_5XX", "eventually"));

        Assert.True(await App.AdvanceUntilAsync(() => Delivered("C_5XX").Count == 1, TimeSpan.FromSeconds(1), maxSteps: 40));
        Assert.Equal(4, Attempts("C_5XX").Count);
        Assert.True(await Eventually.TrueAsync(() => Store.CountPending() == 0));
    }

    [Fact]
    public async Task Backoff_grows_between_attempts()
    {
        Slack.Fail("chat.postMessage", HttpStatusCode.InternalServerError, count: 100);
        _ = App.Services;

        Queue(Post("C_DOWN", "x"));
        Assert.True(await Eventually.TrueAsync(() => Store.Pending(1) is [{ Attempts: 1 }]));
        var first = Store.Pending(1)[0].NextAttemptAt - App.Time.GetUtcNow().UtcDateTime;
        Assert.True(await App.AdvanceUntilAsync(() => Store.Pending(1) is [{ Attempts: 3 }], TimeSpan.FromSeconds(1)));
        var third = Store.Pending(1)[0].NextAttemptAt - App.Time.GetUtcNow().UtcDateTime;

        Assert.True(third > first, $"backoff did not grow: {first} then {third}");
    }

    [Fact]
    public async Task Connection_failures_back_off_and_then_deliver()
    {
        Slack.Unreachable("chat.postMessage", count: 2);
        _ = App.Services;

        Queue(Post("C_NET", "through"));

        Assert.True(await App.AdvanceUntilAsync(() => Delivered("C_NET").Count == 1, TimeSpan.FromSeconds(1), maxSteps: 40));
        Assert.Equal(3, Attempts("C_NET").Count);
        Assert.StartsWith("unreachable", Slack.Calls.First(c => c.Channel == "C_NET").Faulted, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_permanent_error_sets_the_message_aside_without_blocking_others()
    {
        Slack.FailWithError("chat.postMessage", "channel_not_found");
        _ = App.Services;

        Queue(Post("C_GONE", "lost"), Post("C_GONE", "next in the same channel"), Post("C_OK", "other channel"));

        Assert.True(await Eventually.TrueAsync(() => Delivered("C_OK").Count == 1), "the other channel was blocked");
        Assert.True(await Eventually.TrueAsync(() => Delivered("C_GONE").Count == 1));
        Assert.Contains("next in the same channel", Delivered("C_GONE")[0].Text, StringComparison.Ordinal);
        var failed = Assert.Single(Store.FailedMessages());
        Assert.Equal("channel_not_found", failed.LastError);
        Assert.Contains("lost", failed.Args, StringComparison.Ordinal);
        Assert.True(await Eventually.TrueAsync(() => Store.CountPending() == 0));
        Assert.Single(Attempts("C_GONE"), c => c.Faulted is not null);
    }

    [Fact]
    public async Task Order_within_a_channel_is_kept_when_the_first_message_is_delayed()
    {
        Slack.Fail("chat.postMessage", HttpStatusCode.BadGateway);
        _ = App.Services;

        Queue(Post("C_ORDER", "one"), Post("C_ORDER", "two"), Post("C_ORDER", "three"));

        Assert.True(await Eventually.TrueAsync(() => Attempts("C_ORDER").Count == 1));
        Assert.False(await Eventually.TrueAsync(() => Attempts("C_ORDER").Count > 1, 300), "a later message overtook the delayed one");
        Assert.True(await App.AdvanceUntilAsync(() => Delivered("C_ORDER").Count == 3, TimeSpan.FromSeconds(1)));
        Assert.Equal(["one", "two", "three"], Delivered("C_ORDER").Select(c => c.Args["text"]!.GetValue<string>()));
    }

    [Fact]
    public async Task An_expired_views_open_is_dropped()
    {
        Slack.Fail("views.open", HttpStatusCode.ServiceUnavailable, count: 100);
        await Requests.InteractAsync(Flows.ButtonPayload("open_request_form", "", TestSettings.Customer, TestSettings.CustomerChannel));
        Assert.True(await Eventually.TrueAsync(() => Slack.Calls.Any(c => c.Method == "views.open")));

        Assert.True(await App.AdvanceUntilAsync(() => Store.CountPending() == 0, TimeSpan.FromSeconds(2)), "the expired modal stayed queued");
        Assert.Empty(Slack.Find("views.open"));
        Assert.Empty(Store.FailedMessages());
        var attempts = Slack.Calls.Count(c => c.Method == "views.open");
        App.Time.Advance(TimeSpan.FromMinutes(5));
        App.Get<OutboxSignal>().Notify();
        Assert.False(await Eventually.TrueAsync(() => Slack.Calls.Count(c => c.Method == "views.open") > attempts, 300));
    }

    [Fact]
    public async Task A_modal_whose_trigger_already_expired_is_never_sent()
    {
        _ = App.Services;
        var now = App.Time.GetUtcNow().UtcDateTime;

        Queue(OutboxMessages.OpenView("old.trigger", new ModalView("x", TextObject.Plain("x"), []), now.AddSeconds(-1)), Post("C_AFTER", "after"));

        Assert.True(await Eventually.TrueAsync(() => Store.CountPending() == 0));
        Assert.DoesNotContain(Slack.Calls, c => c.Method == "views.open");
    }
}
