using System.Net.WebSockets;
using System.Text.Json;

namespace SupportBot.Discord.Gateway;

/// <summary>
/// One Gateway connection from HELLO to its end: heartbeats, IDENTIFY or RESUME, and the dispatches passed on in
/// order. Whatever ends it first (Discord's close, a drop, op 7, op 9, a zombie, a failed handler, the app stopping)
/// decides what comes next.
/// </summary>
public sealed class GatewayConnection(GatewaySocket socket, GatewaySession session, DiscordGatewayStatus status,
    IDiscordDispatchHandler handler, string token, TimeProvider time, ILogger logger)
{
    private readonly TaskCompletionSource<GatewayEnd> _end = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private GatewayDispatches _dispatches = null!;
    private GatewayHeartbeat? _heartbeat;
    private Task _beating = Task.CompletedTask;

    /// <summary>Discord sent READY or RESUMED on this connection.</summary>
    public bool Established { get; private set; }

    public async Task<GatewayEnd> RunAsync(bool resume, CancellationToken stopping)
    {
        _dispatches = new GatewayDispatches(handler, session, status, End, logger);
        using var reading = new CancellationTokenSource();
        using var stopped = stopping.Register(() => End(GatewayEnd.Stop));
        var reader = ReadAsync(resume, reading.Token);
        var handling = _dispatches.RunAsync(stopping);
        var end = await _end.Task;
        _dispatches.Stop();
        // leaving on purpose: 1000 only when stopping (it ends the session on Discord), any other code keeps it resumable
        await socket.CloseAsync(end.Next == GatewayNext.Stop ? WebSocketCloseStatus.NormalClosure : GatewayClose.Resuming,
            end.Next == GatewayNext.Stop ? "shutting down" : "reconnecting");
        await reading.CancelAsync();
        await Task.WhenAll(reader, _beating, handling);
        return end;
    }

    private void End(GatewayEnd end) => _end.TrySetResult(end);

    private async Task ReadAsync(bool resume, CancellationToken cancellationToken)
    {
        try
        {
            while (!_end.Task.IsCompleted)
            {
                var text = await socket.ReceiveAsync(cancellationToken);
                if (text is null)
                {
                    End(GatewayClose.After(socket.CloseCode, socket.CloseReason));
                    return;
                }
                if (GatewayFrame.Parse(text) is { } frame)
                    await OnFrameAsync(frame, resume, cancellationToken);
                else
                    logger.LogWarning("The Discord Gateway sent a message that is not a Gateway payload; ignored");
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // the connection is over
        }
        catch (Exception e) when (e is WebSocketException or IOException or ObjectDisposedException)
        {
            End(GatewayEnd.Resume($"the connection broke: {e.Message}"));
        }
        catch (Exception e)
        {
            // a payload this client misread must not leave the connection hanging: start over from the last event handled
            logger.LogError(e, "Reading the Discord Gateway failed; reconnecting");
            End(GatewayEnd.Resume($"reading failed: {e.Message}"));
        }
    }

    private async Task OnFrameAsync(GatewayFrame frame, bool resume, CancellationToken cancellationToken)
    {
        switch (frame.Op)
        {
            case GatewayOp.Hello:
                StartHeartbeat(frame, cancellationToken);
                await SendAsync(resume ? GatewayPayloads.Resume(token, session.Id!, session.LastHandled ?? 0)
                    : GatewayPayloads.Identify(token), cancellationToken);
                break;
            case GatewayOp.HeartbeatAck:
                _heartbeat?.Acked();
                status.HeartbeatAcked();
                break;
            case GatewayOp.Heartbeat:
                await BeatAsync(cancellationToken); // Discord asks for one now
                break;
            case GatewayOp.Reconnect:
                End(GatewayEnd.Resume("Discord asked for a reconnect (op 7)"));
                break;
            case GatewayOp.InvalidSession:
                // Discord asks for a wait of 1 to 5 s before a fresh IDENTIFY
                End(frame.Data.ValueKind == JsonValueKind.True
                    ? GatewayEnd.Resume("Discord invalidated the session (op 9), resumable")
                    : GatewayEnd.Identify("Discord invalidated the session (op 9)", TimeSpan.FromSeconds(1 + 4 * Random.Shared.NextDouble())));
                break;
            case GatewayOp.Dispatch when frame is { Type: { } type, Sequence: { } seq }:
                OnDispatch(frame, type);
                _dispatches.Add(new DiscordDispatch(type, seq, frame.Data));
                break;
        }
    }

    private void OnDispatch(GatewayFrame frame, string type)
    {
        if (type == "READY" && frame.Text("session_id") is { } id)
        {
            var resumeUrl = Uri.TryCreate(frame.Text("resume_gateway_url"), UriKind.Absolute, out var url) ? url : null;
            session.Started(id, resumeUrl ?? session.ResumeUrl ?? new Uri("wss://gateway.discord.gg/"));
            Established = true;
            status.Connected(id);
            logger.LogInformation("Discord Gateway ready: session {SessionId} identified", id);
        }
        else if (type == "RESUMED")
        {
            Established = true;
            status.Connected(session.Id);
            logger.LogInformation("Discord Gateway resumed session {SessionId}", session.Id);
        }
    }

    private void StartHeartbeat(GatewayFrame hello, CancellationToken cancellationToken)
    {
        var ms = hello.Data.ValueKind == JsonValueKind.Object && hello.Data.TryGetProperty("heartbeat_interval", out var v)
                 && v.TryGetDouble(out var n) && n > 0 ? n : 41_250;
        _heartbeat = new GatewayHeartbeat(TimeSpan.FromMilliseconds(ms), BeatAsync, why => End(GatewayEnd.Resume(why)), time);
        _beating = _heartbeat.RunAsync(cancellationToken);
    }

    private Task BeatAsync(CancellationToken cancellationToken) => SendAsync(GatewayPayloads.Heartbeat(session.LastHandled), cancellationToken);

    private async Task SendAsync(System.Text.Json.Nodes.JsonObject payload, CancellationToken cancellationToken)
    {
        try
        {
            await socket.SendAsync(payload, cancellationToken);
        }
        catch (Exception e) when (e is WebSocketException or IOException or ObjectDisposedException)
        {
            End(GatewayEnd.Resume($"sending failed: {e.Message}"));
        }
    }
}
