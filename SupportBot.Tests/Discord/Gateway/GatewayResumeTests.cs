using SupportBot.Discord.Gateway;
using SupportBot.Tests.Infrastructure;

namespace SupportBot.Tests.Discord.Gateway;

/// <summary>
/// Losing the connection without losing events: drops, op 7, op 9, close codes, zombies and a failing handler each
/// lead to a RESUME from the last event handled (Discord replays the rest) or, when Discord ended the session, to a
/// fresh IDENTIFY.
/// </summary>
public sealed class GatewayResumeTests
{
    private static string Id(int i) => $"11800000000000030{i:D2}";

    [Fact]
    public async Task A_drop_mid_burst_resumes_from_the_last_handled_event_and_the_handler_sees_each_of_ten_once()
    {
        await using var app = await GatewayApp.StartAsync();
        var ready = await app.ConnectedAsync();
        app.Handler.HoldMessage = Id(4); // the 4th is still being handled when the connection breaks
        var seqs = Enumerable.Range(1, 4).Select(i => app.Message(Id(i))).ToList();
        Assert.True(await app.Gateway.WaitUntilAsync(() => app.Handler.AttemptsAt(Id(4)) == 1));

        var mark = app.Gateway.Received.Count;
        app.Gateway.Drop();
        seqs.AddRange(Enumerable.Range(5, 6).Select(i => app.Message(Id(i)))); // sent while the bot is away
        app.Handler.Release.SetResult();

        var resume = (await app.Gateway.NextAsync(GatewayOp.Resume, mark)).Data!;
        Assert.Equal(ready.SessionId, resume["session_id"]!.GetValue<string>());
        Assert.Equal(seqs[3], resume["seq"]!.GetValue<long>()); // the RESUME waited for the 4th to finish
        var resumed = await app.Gateway.StartedAsync(how: FakeDiscordGateway.Resume);
        Assert.True(await app.HandledAsync(resumed.Seq));
        Assert.Equal(Enumerable.Range(1, 10).Select(Id), app.Handler.Messages);
    }

    [Fact]
    public async Task Op7_reconnect_closes_with_a_resumable_code_and_resumes_the_same_session()
    {
        await using var app = await GatewayApp.StartAsync();
        var ready = await app.Gateway.StartedAsync();
        var before = app.Message(Id(1));
        Assert.True(await app.HandledAsync(before));

        app.Gateway.Reconnect();
        var resumed = await app.Gateway.StartedAsync(1);

        Assert.Equal((FakeDiscordGateway.Resume, ready.SessionId, before), (resumed.How, resumed.SessionId, resumed.Request["seq"]!.GetValue<long>()));
        Assert.True(await app.Gateway.WaitUntilAsync(() => !app.Gateway.Links[0].Open));
        Assert.NotNull(app.Gateway.Links[0].ClientCloseCode);
        Assert.DoesNotContain(app.Gateway.Links[0].ClientCloseCode, new int?[] { 1000, 1001 }); // those end the session on Discord
        Assert.True(await app.HandledAsync(app.Message(Id(2))));
        Assert.Equal([Id(1), Id(2)], app.Handler.Messages);
    }

    [Fact]
    public async Task Op9_not_resumable_waits_then_identifies_anew_and_loses_nothing_after()
    {
        await using var app = await GatewayApp.StartAsync();
        var first = await app.Gateway.StartedAsync();
        Assert.True(await app.HandledAsync(app.Message(Id(1))));

        app.Gateway.InvalidSession(resumable: false);
        // Discord asks for 1 to 5 s before the new IDENTIFY: the app's clock moves until it comes
        Assert.True(await app.App.AdvanceUntilAsync(() => app.Gateway.Starts.Count == 2, TimeSpan.FromSeconds(1)));
        var fresh = await app.Gateway.StartedAsync(1);

        Assert.Equal(FakeDiscordGateway.Identify, fresh.How);
        Assert.NotEqual(first.SessionId, fresh.SessionId);
        Assert.DoesNotContain(app.Gateway.Received, p => p.Op == GatewayOp.Resume);
        Assert.True(await app.HandledAsync(app.Message(Id(2))));
        Assert.Equal([Id(1), Id(2)], app.Handler.Messages);
        Assert.Equal(fresh.SessionId, app.Status.SessionId);
    }

    [Fact]
    public async Task Close_4009_identifies_anew_and_any_other_close_resumes()
    {
        await using var app = await GatewayApp.StartAsync();
        var first = await app.ConnectedAsync();

        app.Gateway.Close(4000);
        var resumed = await app.ConnectedAsync(1);
        Assert.Equal((FakeDiscordGateway.Resume, first.SessionId), (resumed.How, resumed.SessionId));

        app.Gateway.Close(4009);
        var fresh = await app.Gateway.StartedAsync(2);
        Assert.Equal(FakeDiscordGateway.Identify, fresh.How);
        Assert.True(await app.HandledAsync(app.Message(Id(1))));
    }

    [Fact]
    public async Task A_zombie_connection_without_heartbeat_acks_is_dropped_and_resumed()
    {
        const int interval = 10_000;
        await using var app = await GatewayApp.StartAsync(heartbeatIntervalMs: interval);
        var ready = await app.Gateway.StartedAsync();
        app.Gateway.AckHeartbeats = false;

        app.App.Time.Advance(TimeSpan.FromMilliseconds(interval));
        await app.Gateway.NextAsync(GatewayOp.Heartbeat);
        app.App.Time.Advance(TimeSpan.FromMilliseconds(interval)); // the next beat finds no ACK

        var resumed = await app.Gateway.StartedAsync(1);
        Assert.Equal((FakeDiscordGateway.Resume, ready.SessionId, 2), (resumed.How, resumed.SessionId, resumed.Connection));
    }

    [Fact]
    public async Task A_failing_handler_gets_the_event_again_after_a_resume()
    {
        await using var app = await GatewayApp.StartAsync();
        await app.Gateway.StartedAsync();
        app.Handler.FailWhen = (d, before) => d.Type == "MESSAGE_CREATE" && RecordingDispatchHandler.IdOf(d) == Id(2) && before == 0;
        var seqs = Enumerable.Range(1, 3).Select(i => app.Message(Id(i))).ToList();

        var resume = (await app.Gateway.NextAsync(GatewayOp.Resume)).Data!;
        Assert.Equal(seqs[0], resume["seq"]!.GetValue<long>());
        Assert.True(await app.HandledAsync(seqs[2]));
        Assert.Equal([Id(1), Id(2), Id(3)], app.Handler.Messages);
        Assert.Equal(2, app.Handler.AttemptsAt(Id(2)));
    }

    [Fact]
    public async Task An_event_that_keeps_failing_is_skipped_after_three_attempts_with_an_error()
    {
        await using var app = await GatewayApp.StartAsync();
        await app.Gateway.StartedAsync();
        app.Handler.FailWhen = (d, _) => d.Type == "MESSAGE_CREATE" && RecordingDispatchHandler.IdOf(d) == Id(2);
        app.Message(Id(1));
        app.Message(Id(2));
        var last = app.Message(Id(3));

        // a reconnect that did not get as far as RESUMED backs off on the app's clock
        Assert.True(await app.App.AdvanceUntilAsync(() => app.Handler.Messages.Contains(Id(3)), TimeSpan.FromSeconds(2)));
        Assert.Equal(GatewayDispatches.MaxAttempts, app.Handler.AttemptsAt(Id(2)));
        Assert.Equal([Id(1), Id(3)], app.Handler.Messages);
        Assert.Contains(app.App.Logs.At(Microsoft.Extensions.Logging.LogLevel.Error), m => m.Contains("skipping", StringComparison.Ordinal));
        Assert.True(last > 0);
    }
}
