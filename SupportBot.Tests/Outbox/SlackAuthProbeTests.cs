using System.Net;
using SupportBot.Outbox;
using SupportBot.Slack.Blocks;
using SupportBot.Tests.Infrastructure;

namespace SupportBot.Tests.Outbox;

/// <summary>
/// A revoked token holds every Slack call instead of each being refused in turn; once <c>auth.test</c> succeeds
/// (asked on a timer) everything owed goes out and /health is healthy again.
/// </summary>
public sealed class SlackAuthProbeTests() : AppTest(new() { ["Outbox:AuthProbeInterval"] = "00:01:00" })
{
    private void Queue(params string[] channels) =>
        App.Queue([.. channels.Select(channel => OutboxMessages.Post(channel, new SlackMessage("owed to " + channel)))]);

    private async Task<HttpStatusCode> HealthAsync() => (await App.CreateClient().GetAsync(new Uri("/health", UriKind.Relative))).StatusCode;

    [Fact]
    public async Task Posts_wait_while_the_token_is_refused_and_all_go_out_once_slack_accepts_it_again()
    {
        foreach (var method in new[] { "chat.postMessage", "auth.test", "conversations.info" })
            Slack.FailWithError(method, "token_revoked", count: 1000); // a revoked token: every call is refused
        _ = App.Services;
        Queue("C_ONE", "C_TWO", "C_THREE");

        Assert.True(await Eventually.TrueAsync(() => App.Get<SupportBot.Slack.Api.SlackAuthState>().Refused.Count > 0));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, await HealthAsync());
        // lanes already under way may each be refused once; after that nothing is tried until the token works
        Assert.True(await Eventually.TrueAsync(() => App.Get<OutboxStore>().FailedMessages().Count > 0));
        var tried = Slack.Calls.Count(c => c.Method == "chat.postMessage");
        Assert.InRange(tried, 1, 3);
        Assert.False(await Eventually.TrueAsync(() => Slack.Calls.Count(c => c.Method == "chat.postMessage") > tried, 300), "posts were tried again and again");
        var probes = Slack.Calls.Count(c => c.Method == "auth.test");
        Assert.True(await App.AdvanceUntilAsync(() => Slack.Calls.Count(c => c.Method == "auth.test") > probes, TimeSpan.FromSeconds(61)));
        Assert.Empty(Slack.Find("chat.postMessage"));

        Slack.Recover(); // the app reinstalled: the same token works again
        Assert.True(await App.AdvanceUntilAsync(() => Slack.Find("chat.postMessage").Count == 3, TimeSpan.FromSeconds(61)));
        Assert.Equal(["C_ONE", "C_THREE", "C_TWO"], Slack.Find("chat.postMessage").Select(c => c.Channel!).Order(StringComparer.Ordinal));
        Assert.Empty(App.Get<OutboxStore>().FailedMessages());
        Assert.Equal(HttpStatusCode.OK, await HealthAsync());
    }
}
