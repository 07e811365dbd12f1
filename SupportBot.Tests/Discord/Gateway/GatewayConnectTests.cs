using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using SupportBot.Discord.Gateway;
using SupportBot.Tests.Infrastructure;

namespace SupportBot.Tests.Discord.Gateway;

/// <summary>Connecting to the Gateway: IDENTIFY, heartbeats, dispatches in order, and the app's start with and without a token.</summary>
public sealed class GatewayConnectTests
{
    [Fact]
    public async Task Identify_carries_the_bare_token_the_three_intents_and_the_client_properties()
    {
        await using var app = await GatewayApp.StartAsync();
        var identify = (await app.Gateway.NextAsync(GatewayOp.Identify)).Data!.AsObject();

        Assert.Equal(FakeDiscordGateway.Token, identify["token"]!.GetValue<string>());
        var intents = identify["intents"]!.GetValue<int>();
        Assert.Equal(1 | 1 << 9 | 1 << 15, intents & (1 | 1 << 9 | 1 << 15));
        var properties = identify["properties"]!.AsObject();
        foreach (var key in (string[])["os", "browser", "device"])
            Assert.False(string.IsNullOrEmpty(properties[key]?.GetValue<string>()), $"properties.{key} is missing");
        Assert.Equal("?v=10&encoding=json", app.Gateway.Links[0].Query);
        var started = await app.Gateway.StartedAsync();
        Assert.True(await app.Gateway.WaitUntilAsync(() => app.Status.Connected && app.Status.SessionId == started.SessionId));
    }

    [Fact]
    public async Task Heartbeats_carry_the_last_handled_sequence_and_are_acked()
    {
        const int interval = 10_000;
        await using var app = await GatewayApp.StartAsync(heartbeatIntervalMs: interval);
        await app.Gateway.StartedAsync();
        app.Message("1180000000000001001");
        var last = app.Message("1180000000000001002");
        Assert.True(await app.HandledAsync(last));

        var mark = app.Gateway.Received.Count;
        app.App.Time.Advance(TimeSpan.FromMilliseconds(interval)); // the first beat comes within one interval
        var first = await app.Gateway.NextAsync(GatewayOp.Heartbeat, mark);
        Assert.Equal(last, first.Data!.GetValue<long>());
        Assert.True(await app.Gateway.WaitUntilAsync(() => app.Status.HeartbeatsAcked == 1), "the ACK was not noted");

        mark = app.Gateway.Received.Count;
        app.App.Time.Advance(TimeSpan.FromMilliseconds(interval));
        var second = await app.Gateway.NextAsync(GatewayOp.Heartbeat, mark);
        Assert.Equal((1, last), (second.Connection, second.Data!.GetValue<long>())); // acked: the same connection beats on

        mark = app.Gateway.Received.Count;
        app.Gateway.RequestHeartbeat(); // op 1: at once, with no clock moving
        Assert.Equal(last, (await app.Gateway.NextAsync(GatewayOp.Heartbeat, mark)).Data!.GetValue<long>());
    }

    [Fact]
    public async Task Dispatches_reach_the_handler_one_at_a_time_in_the_order_Discord_numbered_them()
    {
        await using var app = await GatewayApp.StartAsync();
        await app.Gateway.StartedAsync();
        var ids = Enumerable.Range(1, 20).Select(i => $"11800000000000020{i:D2}").ToList();
        long last = 0;
        foreach (var id in ids)
            last = app.Message(id);

        Assert.True(await app.HandledAsync(last));
        Assert.Equal(ids, app.Handler.Messages);
        var sequences = app.Handler.Handled.Select(d => d.Sequence).ToList();
        Assert.Equal(sequences.Order(), sequences);
        Assert.Equal(["READY", "GUILD_CREATE"], app.Handler.Handled.Take(2).Select(d => d.Type));
        Assert.Equal(1, app.Handler.MostAtOnce);
    }

    [Fact]
    public async Task The_app_with_Discord_settings_connects_and_reports_the_link_healthy()
    {
        await using var app = await GatewayApp.StartAsync();
        await app.Gateway.StartedAsync(how: FakeDiscordGateway.Identify);
        Assert.True(await app.Gateway.WaitUntilAsync(() => app.Status.Connected));

        var health = JsonNode.Parse(await app.App.CreateClient().GetStringAsync("/health"))!;
        Assert.Equal("Healthy", health["checks"]!["discord"]!["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task Without_a_token_the_app_opens_no_Gateway_connection()
    {
        await using var app = await GatewayApp.StartAsync(token: null);
        var health = await app.App.CreateClient().GetAsync("/health"); // the host is up and has run its start

        Assert.Null(app.App.Services.GetService<DiscordGateway>());
        Assert.DoesNotContain("\"discord\"", await health.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(app.Gateway.Links);
    }

    [Fact]
    public async Task Close_4004_stops_reconnecting_names_Discord_BotToken_and_never_logs_the_token()
    {
        const string wrong = "wrong-token.MTIzNDU2.c2VjcmV0LXNlY3JldA";
        await using var app = await GatewayApp.StartAsync(token: wrong);
        var gateway = app.App.Get<DiscordGateway>();

        Assert.True(await app.Gateway.WaitUntilAsync(() => gateway.ExecuteTask?.IsCompleted == true), "the client kept going after 4004");
        Assert.Contains("Discord:BotToken", app.Status.FatalReason);
        Assert.Single(app.Gateway.Links);
        var response = await app.App.CreateClient().GetAsync("/health");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var discord = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["checks"]!["discord"]!;
        Assert.Equal("Unhealthy", discord["status"]!.GetValue<string>());
        Assert.Contains(app.App.Logs.Lines, l => l.Level == Microsoft.Extensions.Logging.LogLevel.Error && l.Message.Contains("Discord:BotToken", StringComparison.Ordinal));
        Assert.Contains(app.App.Logs.Lines, l => l.Message.Contains("identifying", StringComparison.Ordinal)); // Information is on
        Assert.DoesNotContain(app.App.Logs.Lines, l => l.Message.Contains(wrong, StringComparison.Ordinal));
        // the team hears it in Slack: from now on no Discord message becomes a ticket
        var told = await app.App.Slack.WaitForAsync("chat.postMessage", c => c.Channel == TestSettings.SupportChannel
            && c.Text.Contains("Discord intake stopped", StringComparison.Ordinal));
        Assert.Contains("Discord:BotToken", told[0].Text, StringComparison.Ordinal);
        Assert.DoesNotContain(wrong, told[0].Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Close_4014_stops_reconnecting_and_names_the_intent_to_enable()
    {
        await using var app = await GatewayApp.StartAsync();
        await app.Gateway.StartedAsync();
        app.Gateway.Close(4014);

        Assert.True(await app.Gateway.WaitUntilAsync(() => app.App.Get<DiscordGateway>().ExecuteTask?.IsCompleted == true));
        Assert.Contains("Message Content Intent", app.Status.FatalReason);
        Assert.Single(app.Gateway.Links);
    }
}
