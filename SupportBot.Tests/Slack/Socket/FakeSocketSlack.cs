using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using SupportBot.Tests.Infrastructure;

namespace SupportBot.Tests.Slack.Socket;

/// <summary>
/// Slack's Socket Mode side on a real Kestrel WebSocket endpoint (127.0.0.1): says hello on each connection, sends
/// envelopes, records acknowledgements per envelope id, and can ask for a refresh (disconnect) or drop a connection.
/// </summary>
public sealed class FakeSocketSlack : IAsyncDisposable
{
    private readonly ConcurrentQueue<Link> _links = new();
    private readonly ConcurrentQueue<(string EnvelopeId, JsonObject Ack, int Link)> _acks = new();
    private readonly SemaphoreSlim _connected = new(0, int.MaxValue);
    private WebApplication? _server;

    public Uri Url { get; private set; } = new("ws://127.0.0.1/");

    public IReadOnlyList<Link> Links => [.. _links];

    public IReadOnlyList<(string EnvelopeId, JsonObject Ack, int Link)> Acks => [.. _acks];

    public static async Task<FakeSocketSlack> StartAsync()
    {
        var fake = new FakeSocketSlack();
        var (server, address) = await LoopbackServer.StartAsync(s =>
        {
            s.UseWebSockets();
            s.Map("/link", fake.AcceptAsync);
        });
        fake.Url = new Uri(address.Replace("http://", "ws://", StringComparison.Ordinal) + "/link");
        fake._server = server;
        return fake;
    }

    /// <summary>Waits for the app's next connection (after hello was sent on it).</summary>
    public async Task<Link> NextLinkAsync(int timeoutMs = Eventually.PatienceMs)
    {
        Assert.True(await _connected.WaitAsync(timeoutMs), "the app did not open a Socket Mode connection");
        return _links.Last();
    }

    public bool AckedOnce(string envelopeId) => _acks.Any(a => a.EnvelopeId == envelopeId);

    public JsonObject? AckOf(string envelopeId) => _acks.FirstOrDefault(a => a.EnvelopeId == envelopeId).Ack;

    private async Task AcceptAsync(HttpContext context)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            context.Response.StatusCode = 400;
            return;
        }
        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        var link = new Link(socket, _links.Count + 1);
        _links.Enqueue(link);
        await link.SendAsync(new JsonObject { ["type"] = "hello", ["num_connections"] = _links.Count(l => l.IsOpen) });
        _connected.Release();
        var buffer = new byte[64 * 1024];
        try
        {
            while (socket.State == WebSocketState.Open)
            {
                using var message = new MemoryStream();
                WebSocketReceiveResult result;
                do
                {
                    result = await socket.ReceiveAsync(buffer, link.Closing.Token);
                    message.Write(buffer, 0, result.Count);
                }
                while (!result.EndOfMessage && result.MessageType != WebSocketMessageType.Close);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "", CancellationToken.None);
                    break;
                }
                var ack = JsonNode.Parse(Encoding.UTF8.GetString(message.ToArray()))!.AsObject();
                _acks.Enqueue((ack["envelope_id"]!.GetValue<string>(), ack, link.Number));
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException)
        {
            // dropped on purpose, or the app went away
        }
        finally
        {
            link.Closed.TrySetResult();
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var link in _links)
            link.Drop();
        if (_server is not null)
        {
            await _server.StopAsync();
            await _server.DisposeAsync();
        }
        _connected.Dispose();
    }

    /// <summary>One WebSocket connection from the app.</summary>
    public sealed class Link(WebSocket socket, int number)
    {
        private readonly SemaphoreSlim _send = new(1, 1);

        public int Number { get; } = number;

        public CancellationTokenSource Closing { get; } = new();

        public TaskCompletionSource Closed { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public bool IsOpen => socket.State == WebSocketState.Open;

        public async Task SendAsync(JsonObject message)
        {
            await _send.WaitAsync();
            try
            {
                await socket.SendAsync(Encoding.UTF8.GetBytes(message.ToJsonString()), WebSocketMessageType.Text, true, CancellationToken.None);
            }
            finally
            {
                _send.Release();
            }
        }

        /// <summary>Slack's request to move to a new connection.</summary>
        public Task DisconnectAsync(string reason = "refresh_requested") =>
            SendAsync(new JsonObject { ["type"] = "disconnect", ["reason"] = reason, ["debug_info"] = new JsonObject { ["host"] = "fake" } });

        /// <summary>Closes the connection politely, as Slack does after a refresh.</summary>
        public async Task CloseAsync()
        {
            await _send.WaitAsync();
            try
            {
                await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "refreshed", CancellationToken.None);
            }
            finally
            {
                _send.Release();
            }
        }

        /// <summary>The connection breaks: no close handshake, whatever was in flight is lost.</summary>
        public void Drop()
        {
            socket.Abort();
            Closing.Cancel();
        }
    }
}
