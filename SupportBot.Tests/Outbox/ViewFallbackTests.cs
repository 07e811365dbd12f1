using System.Net;
using System.Text.Json.Nodes;
using SupportBot.Outbox;
using SupportBot.Slack.Blocks;
using SupportBot.Tests.Infrastructure;

namespace SupportBot.Tests.Outbox;

/// <summary>
/// A form Slack did not open is answered to the person who asked ("Slack is busy, try again in N s"), where they
/// asked: their response URL, else an ephemeral in their channel, else a DM. The outbox worker calls
/// <see cref="ViewFallback.GiveUp"/> when views.open is refused or its trigger ran out.
/// </summary>
public sealed class ViewFallbackTests() : AppTest(new() { ["Outbox:Concurrency"] = "1" })
{
    private static readonly DateTime Expires = new(2026, 3, 2, 10, 0, 3, DateTimeKind.Utc);
    private static readonly ModalView Form = new("Request support", TextObject.Plain("Request support"), []);

    private static OutboxMessage View(string? responseUrl = null, string? user = null, string? channel = null) =>
        OutboxMessages.OpenView("1.trigger", Form, Expires, responseUrl, user, channel);

    [Fact]
    public void A_refused_form_is_answered_through_the_interactions_response_url_with_slacks_wait()
    {
        var answer = ViewFallback.BusyAnswer(View("https://hooks.slack.test/actions/9", TestSettings.Customer, TestSettings.CustomerChannel),
            TimeSpan.FromSeconds(2.2));

        Assert.NotNull(answer);
        Assert.Equal(OutboxMessage.ResponseUrlMethod, answer.Method);
        Assert.Equal("https://hooks.slack.test/actions/9", answer.ResponseUrl);
        var args = JsonNode.Parse(answer.Args)!.AsObject();
        Assert.Equal(":hourglass: Slack is busy and did not open the form. Try again in 3 s.", args["text"]!.GetValue<string>());
        Assert.Equal("ephemeral", args["response_type"]!.GetValue<string>());
        Assert.False(args["replace_original"]!.GetValue<bool>());
        Assert.Equal(OutboxPurposes.Notice, answer.Purpose);
        Assert.Equal(Expires + ViewFallback.AnswerLifetime, answer.ExpiresAt);
    }

    [Fact]
    public void Without_a_response_url_the_user_is_told_ephemerally_in_their_channel_or_else_by_dm()
    {
        var inChannel = ViewFallback.BusyAnswer(View(user: TestSettings.Engineer, channel: TestSettings.SupportChannel), null);
        var direct = ViewFallback.BusyAnswer(View(user: TestSettings.Engineer), TimeSpan.FromSeconds(10));

        Assert.NotNull(inChannel);
        Assert.Equal("chat.postEphemeral", inChannel.Method);
        var args = JsonNode.Parse(inChannel.Args)!.AsObject();
        Assert.Equal(TestSettings.SupportChannel, args["channel"]!.GetValue<string>());
        Assert.Equal(TestSettings.Engineer, args["user"]!.GetValue<string>());
        Assert.Contains("did not open the form in time. Try again in a few seconds", args["text"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.NotNull(direct);
        Assert.Equal("chat.postMessage", direct.Method);
        Assert.Equal(TestSettings.Engineer, direct.Lane);
        Assert.Contains("Try again in 10 s", direct.Args, StringComparison.Ordinal);
    }

    [Fact]
    public void Nobody_to_tell_or_a_call_that_is_not_a_form_gets_no_answer()
    {
        Assert.Null(ViewFallback.BusyAnswer(View(), TimeSpan.FromSeconds(1)));
        Assert.Null(ViewFallback.BusyAnswer(OutboxMessages.Post("C1", new SlackMessage("hi")), TimeSpan.FromSeconds(1)));
    }

    [Fact]
    public async Task A_rate_limited_request_form_is_answered_to_the_person_who_clicked_with_slacks_wait()
    {
        Slack.Fail("views.open", HttpStatusCode.TooManyRequests, count: 100, retryAfterSeconds: 7);
        const string url = "https://hooks.slack.test/actions/busy";

        await Requests.InteractAsync(Flows.ButtonPayload("open_request_form", "", TestSettings.Customer, TestSettings.CustomerChannel, url));

        var told = await Slack.WaitForAsync("response_url", c => c.Url == url);
        Assert.Contains("Try again in 7 s", Assert.Single(told).Text, StringComparison.Ordinal);
        Assert.Single(Slack.Calls, c => c.Method == "views.open"); // 7 s is past the trigger's 3 s: not tried again
        Assert.True(await Eventually.TrueAsync(() => App.Get<OutboxStore>().CountPending() == 0));
        Assert.Empty(App.Get<OutboxStore>().FailedMessages());
    }

    [Fact]
    public async Task A_rate_limit_shorter_than_the_trigger_opens_the_form_on_the_retry()
    {
        Slack.Fail("views.open", HttpStatusCode.TooManyRequests, retryAfterSeconds: 1);
        const string url = "https://hooks.slack.test/actions/soon";

        await Requests.InteractAsync(Flows.ButtonPayload("open_request_form", "", TestSettings.Customer, TestSettings.CustomerChannel, url));
        Assert.True(await Eventually.TrueAsync(() => Slack.Calls.Any(c => c.Method == "views.open")));

        Assert.True(await App.AdvanceUntilAsync(() => Slack.Find("views.open").Count == 1, TimeSpan.FromMilliseconds(500), maxSteps: 4));
        Assert.Empty(Slack.Find("response_url", c => c.Url == url));
    }

    [Fact]
    public async Task A_solve_form_slack_refuses_is_answered_at_the_slash_commands_response_url()
    {
        var number = await App.CreateTicketAsync();
        Slack.Fail("views.open", HttpStatusCode.TooManyRequests, count: 100, retryAfterSeconds: 30);

        await CommandAsync("/status", $"{N(number)} solved");

        var told = await Slack.WaitForAsync("response_url", c => c.Text.Contains("Try again in 30 s", StringComparison.Ordinal));
        Assert.Single(told);
        Assert.Empty(App.Get<OutboxStore>().FailedMessages());
    }
}
