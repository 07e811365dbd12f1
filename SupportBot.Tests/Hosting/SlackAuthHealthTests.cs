using System.Net;
using System.Text.Json.Nodes;
using SupportBot.Tests.Infrastructure;

namespace SupportBot.Tests.Hosting;

/// <summary>/health says when Slack refuses the bot's token, with the reason, and recovers once a call succeeds.</summary>
public sealed class SlackAuthHealthTests : AppTest
{
    private async Task<(HttpStatusCode Status, JsonNode Body)> HealthAsync()
    {
        using var response = await App.CreateClient().GetAsync(new Uri("/health", UriKind.Relative));
        return (response.StatusCode, JsonNode.Parse(await response.Content.ReadAsStringAsync())!);
    }

    [Theory]
    [InlineData("token_revoked")]
    [InlineData("invalid_auth")]
    [InlineData("account_inactive")]
    [InlineData("not_authed")]
    public async Task A_refused_token_makes_health_unhealthy_with_the_reason_until_a_call_succeeds(string error)
    {
        // every call, as with a real revoked token: a notice about the refused posts must not clear it by getting through
        Slack.FailWithError(FakeSlackApi.AnyMethod, error, count: 100_000);
        NewTicket("Before the token was fixed");
        // the first refusal holds every other Slack call until auth.test says the token works again
        Assert.True(await Eventually.TrueAsync(() => App.Get<SupportBot.Slack.Api.SlackAuthState>().Refused.Count > 0), "the refusal was not seen");

        var (status, body) = await HealthAsync();
        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Equal("Unhealthy", body["status"]!.GetValue<string>());
        var auth = body["checks"]!["slack-auth"]!;
        Assert.Equal("Unhealthy", auth["status"]!.GetValue<string>());
        Assert.Contains(error, auth["description"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("bot token", auth["description"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("Healthy", body["checks"]!["litedb"]!["status"]!.GetValue<string>());

        Slack.Recover(); // the token fixed
        NewTicket("After the token was fixed");
        Assert.True(await App.AdvanceUntilAsync(() => Slack.Find("chat.postMessage").Any(c => c.Text.Contains("After the token was fixed", StringComparison.Ordinal)),
            TimeSpan.FromSeconds(61)), "the held posts never went out");

        var (recovered, after) = await HealthAsync();
        Assert.Equal(HttpStatusCode.OK, recovered);
        Assert.Equal("Healthy", after["checks"]!["slack-auth"]!["status"]!.GetValue<string>());
        Assert.True(await Eventually.TrueAsync(() => App.Get<SupportBot.Outbox.OutboxStore>().FailedMessages().Count == 0), "the refused post stayed set aside");
    }

    [Fact]
    public async Task Other_errors_do_not_touch_the_auth_check()
    {
        Slack.FailWithError("chat.postMessage", "channel_not_found", count: 2);
        NewTicket("Refused for another reason");
        await Threads.ThreadEvents.WaitUntilAsync(() => Slack.Calls.Count(c => c.Method == "chat.postMessage") >= 2 ? "" : null, "two refused posts");

        var (status, body) = await HealthAsync();

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Healthy", body["checks"]!["slack-auth"]!["status"]!.GetValue<string>());
    }

    private int NewTicket(string subject) => App.Get<SupportBot.Tickets.Intake.TicketIntake>().Create(new SupportBot.Tickets.Intake.TicketDraft(
        subject, "details", SupportBot.Tickets.Priority.Normal, TestSettings.Customer, TestSettings.CustomerChannel,
        SupportBot.Tickets.TicketSource.RequestForm)).Number;
}
