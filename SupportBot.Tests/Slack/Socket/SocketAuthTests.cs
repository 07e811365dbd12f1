using System.Net;
using System.Text.Json.Nodes;
using SupportBot.Slack.Socket;
using SupportBot.Tests.Infrastructure;

namespace SupportBot.Tests.Slack.Socket;

/// <summary>A refused app token shows in /health and is retried slowly; once Slack accepts it, the bot connects and health recovers.</summary>
public sealed class SocketAuthTests
{
    [Fact]
    public async Task A_refused_app_token_is_unhealthy_then_recovers_when_the_connection_opens()
    {
        await using var socket = await FakeSocketSlack.StartAsync();
        var slack = new FakeSlackApi { SocketUrl = socket.Url };
        slack.FailWithError("apps.connections.open", "invalid_auth");
        using var app = new SupportBotApp(new() { ["Slack:AppToken"] = "xapp-1-revoked" }, slack: slack);
        try
        {
            using var client = app.CreateClient();
            Assert.True(await Eventually.TrueAsync(() => slack.Calls.Any(c => c.Method == "apps.connections.open")));

            using var refused = await client.GetAsync(new Uri("/health", UriKind.Relative));
            var body = JsonNode.Parse(await refused.Content.ReadAsStringAsync())!;
            Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
            Assert.Contains("app token: invalid_auth (apps.connections.open)", body["checks"]!["slack-auth"]!["description"]!.GetValue<string>(),
                StringComparison.Ordinal);

            // an auth failure waits minutes, not seconds, before the next try
            Assert.True(await app.AdvanceUntilAsync(() => socket.Links.Count > 0, SocketModeService.AuthBackoff, maxSteps: 5));
            await socket.NextLinkAsync();

            using var recovered = await client.GetAsync(new Uri("/health", UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, recovered.StatusCode);
        }
        finally
        {
            app.DeleteDatabase();
        }
    }
}
