using System.Net;
using SupportBot.Slack.Api;
using SupportBot.Tests.Hosting;
using SupportBot.Tests.Infrastructure;
using SupportBot.Tickets;
using SupportBot.Tickets.Intake;

namespace SupportBot.Tests.Health;

/// <summary>
/// /health says when Slack does not answer (network errors, 5xx, timeouts) for longer than Slack:UnreachableAfter:
/// Degraded, still 200, naming Slack, the failure and since when; Healthy again once Slack answers.
/// </summary>
public sealed class SlackApiHealthTests : AppTest
{
    [Fact]
    public async Task Slack_unreachable_longer_than_the_setting_is_degraded_naming_slack_and_since_when_until_it_answers()
    {
        Slack.Unreachable(FakeSlackApi.AnyMethod, count: 100_000);
        var down = App.Time.GetUtcNow();
        NewTicket("Owed while Slack is down");
        Assert.True(await Eventually.TrueAsync(() => Slack.Calls.Any(c => c.Method == "chat.postMessage" && c.Faulted == "unreachable")));

        var (shortly, early) = await App.HealthAsync();
        Assert.Equal(HttpStatusCode.OK, shortly);
        Assert.Equal("Healthy", early.Status("slack-api")); // a blip the outbox rides out is nobody's alarm

        App.Time.Advance(TimeSpan.FromSeconds(61));
        var (status, body) = await App.HealthAsync();

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Degraded", body["status"]!.GetValue<string>());
        Assert.Equal("Degraded", body.Status("slack-api"));
        var description = body.Description("slack-api");
        Assert.Contains("Slack has not answered since", description, StringComparison.Ordinal);
        Assert.Contains("unreachable", description, StringComparison.Ordinal);
        Assert.Contains("Connection refused", description, StringComparison.Ordinal);
        var since = body.Since("slack-api");
        Assert.NotNull(since);
        Assert.InRange(since.Value, down, down + TimeSpan.FromSeconds(1));
        Assert.Equal("Healthy", body.Status("slack-auth")); // silence is not a refused token
        Assert.Equal(HttpStatusCode.OK, (await App.HealthAsync("/health/ready")).Status);

        Slack.Recover();
        Assert.True(await App.AdvanceUntilAsync(() => Slack.Find("chat.postMessage").Count > 0, TimeSpan.FromSeconds(30)));
        var recovered = await App.HealthWhenAsync("slack-api", "Healthy");
        Assert.Equal("Slack answers", recovered.Description("slack-api"));
        Assert.Null(recovered.Since("slack-api"));
    }

    [Theory]
    [InlineData("channel_not_found")]
    [InlineData("429")]
    public async Task Slack_refusing_or_rate_limiting_every_call_is_answering(string answer)
    {
        if (answer == "429")
            Slack.Fail(FakeSlackApi.AnyMethod, HttpStatusCode.TooManyRequests, count: 100_000, retryAfterSeconds: 1);
        else
            Slack.FailWithError(FakeSlackApi.AnyMethod, answer, count: 100_000);
        NewTicket("Refused, not unreachable");
        Assert.True(await Eventually.TrueAsync(() => Slack.Calls.Any(c => c.Method == "chat.postMessage" && c.Faulted == answer)));

        App.Time.Advance(TimeSpan.FromMinutes(5));
        var (_, body) = await App.HealthAsync();

        Assert.Equal("Healthy", body.Status("slack-api"));
        Assert.Equal("Slack answers", body.Description("slack-api"));
    }

    [Fact]
    public async Task While_slack_is_silent_and_nothing_else_calls_it_the_bot_asks_it_without_a_token()
    {
        _ = App.Services; // starts the app
        await Slack.WaitForAsync("conversations.info"); // the calls after start are answered: nothing else calls Slack now
        App.Get<SlackReachability>().Failed("views.open", "unreachable: HttpRequestException (Connection refused)");

        Assert.True(await App.AdvanceUntilAsync(() => Slack.Find("api.test").Count > 0, TimeSpan.FromSeconds(10)));
        var body = await App.HealthWhenAsync("slack-api", "Healthy");

        Assert.Equal("Slack answers", body.Description("slack-api"));
        Assert.Null(Slack.Find("api.test")[0].Authorization); // asks whether Slack answers, not whether it takes the token
    }

    [Fact]
    public void The_setting_is_checked_at_start()
    {
        var error = StartupErrors.Failure(new() { ["Slack:UnreachableAfter"] = "00:00:01" });

        Assert.Contains("Slack:UnreachableAfter", error.Message, StringComparison.Ordinal);
    }

    private int NewTicket(string subject) => App.Get<TicketIntake>().Create(new TicketDraft(
        subject, "details", Priority.Normal, TestSettings.Customer, TestSettings.CustomerChannel, TicketSource.RequestForm)).Number;
}

/// <summary>A shorter Slack:UnreachableAfter says Degraded sooner.</summary>
public sealed class SlackApiHealthSettingTests() : AppTest(new() { ["Slack:UnreachableAfter"] = "00:00:10" })
{
    [Fact]
    public async Task The_setting_moves_the_threshold()
    {
        Slack.Fail(FakeSlackApi.AnyMethod, HttpStatusCode.BadGateway, count: 100_000);
        App.Get<TicketIntake>().Create(new TicketDraft("Owed while Slack answers 502", "details", Priority.Normal, TestSettings.Customer,
            TestSettings.CustomerChannel, TicketSource.RequestForm));
        Assert.True(await Eventually.TrueAsync(() => Slack.Calls.Any(c => c.Method == "chat.postMessage" && c.Faulted == "502")));

        App.Time.Advance(TimeSpan.FromSeconds(11));
        var (_, body) = await App.HealthAsync();

        Assert.Equal("Degraded", body.Status("slack-api"));
        Assert.Contains("http_502", body.Description("slack-api"), StringComparison.Ordinal);
    }
}
