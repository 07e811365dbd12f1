using System.Net;
using SupportBot.Tests.Infrastructure;
using SupportBot.Tests.Slack.Socket;

namespace SupportBot.Tests.Health;

/// <summary>
/// With Socket Mode on, /health is Degraded while the bot has had no connection for longer than
/// Slack:UnreachableAfter, naming since when; connected again, Healthy. With Socket Mode off the check says so.
/// </summary>
public sealed class SocketModeHealthTests
{
    [Fact]
    public async Task A_connection_lost_longer_than_the_setting_is_degraded_naming_since_when_until_it_reconnects()
    {
        await using var socket = await FakeSocketSlack.StartAsync();
        var slack = new FakeSlackApi { SocketUrl = socket.Url };
        using var app = new SupportBotApp(new() { ["Slack:AppToken"] = "xapp-1-A1-test", ["Slack:SigningSecret"] = "" }, slack: slack);
        try
        {
            _ = app.Services;
            var link = await socket.NextLinkAsync();
            var connected = await app.HealthWhenAsync("slack-socket-mode", "Healthy");
            Assert.Equal("Socket Mode is connected", connected.Description("slack-socket-mode"));

            slack.Unreachable("apps.connections.open", count: 100_000);
            var lost = app.Time.GetUtcNow();
            link.Drop();
            Assert.True(await Eventually.TrueAsync(() => slack.Calls.Any(c => c.Method == "apps.connections.open" && c.Faulted == "unreachable")));
            var (_, early) = await app.HealthAsync();
            Assert.Equal("Healthy", early.Status("slack-socket-mode"));
            Assert.Contains("reconnecting", early.Description("slack-socket-mode"), StringComparison.Ordinal);

            app.Time.Advance(TimeSpan.FromSeconds(61));
            var (status, body) = await app.HealthAsync();

            Assert.Equal(HttpStatusCode.OK, status);
            Assert.Equal("Degraded", body["status"]!.GetValue<string>());
            Assert.Equal("Degraded", body.Status("slack-socket-mode"));
            Assert.Contains("Socket Mode has been disconnected since", body.Description("slack-socket-mode"), StringComparison.Ordinal);
            Assert.Contains("unreachable", body.Description("slack-socket-mode"), StringComparison.Ordinal);
            Assert.InRange(body.Since("slack-socket-mode")!.Value, lost, lost + TimeSpan.FromSeconds(1));

            slack.Recover();
            Assert.True(await app.AdvanceUntilAsync(() => socket.Links.Count > 1, SupportBot.Slack.Socket.SocketModeService.MaxBackoff));
            await app.HealthWhenAsync("slack-socket-mode", "Healthy");
            var (_, after) = await app.HealthAsync();
            Assert.Equal("Socket Mode is connected", after.Description("slack-socket-mode"));
        }
        finally
        {
            app.DeleteDatabase();
        }
    }

    [Fact]
    public async Task With_socket_mode_off_the_check_says_so()
    {
        using var app = new SupportBotApp();
        try
        {
            var (_, body) = await app.HealthAsync();

            Assert.Equal("Healthy", body.Status("slack-socket-mode"));
            Assert.Contains("Socket Mode is off", body.Description("slack-socket-mode"), StringComparison.Ordinal);
        }
        finally
        {
            app.DeleteDatabase();
        }
    }
}
