using System.Buffers;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;

namespace SupportBot.Discord.Gateway;

/// <summary>
/// The WebSocket under one Gateway connection: JSON text frames in and out, every send through one writer (the
/// heartbeat and the reader both send, and a WebSocket takes one send at a time).
/// </summary>
public sealed class GatewaySocket(ClientWebSocket socket) : IDisposable
{
    /// <summary>GUILD_CREATE of a big server runs to megabytes; a message far larger than this is not one.</summary>
    public const int MaxMessageBytes = 16 * 1024 * 1024;

    public static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(15);
    private static readonly TimeSpan CloseTimeout = TimeSpan.FromSeconds(2);

    private readonly SemaphoreSlim _send = new(1, 1);

    public bool IsOpen => socket.State == WebSocketState.Open;

    public int? CloseCode => (int?)socket.CloseStatus;

    public string? CloseReason => socket.CloseStatusDescription;

    /// <summary>Opens <paramref name="url"/> with Gateway version 10 and plain JSON (no compression).</summary>
    public static async Task<GatewaySocket> ConnectAsync(Uri url, CancellationToken cancellationToken)
    {
        var socket = new ClientWebSocket();
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(ConnectTimeout);
            await socket.ConnectAsync(Versioned(url), timeout.Token);
            return new GatewaySocket(socket);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    public static Uri Versioned(Uri url) => new UriBuilder(url) { Query = "v=10&encoding=json" }.Uri;

    public async Task SendAsync(JsonObject payload, CancellationToken cancellationToken)
    {
        var bytes = Encoding.UTF8.GetBytes(payload.ToJsonString());
        await _send.WaitAsync(cancellationToken);
        try
        {
            await socket.SendAsync(bytes, WebSocketMessageType.Text, endOfMessage: true, cancellationToken);
        }
        finally
        {
            _send.Release();
        }
    }

    /// <summary>The next message's text, or null once Discord closed the connection (see <see cref="CloseCode"/>).</summary>
    public async Task<string?> ReceiveAsync(CancellationToken cancellationToken)
    {
        var buffer = new ArrayBufferWriter<byte>(16 * 1024);
        while (true)
        {
            var result = await socket.ReceiveAsync(buffer.GetMemory(16 * 1024), cancellationToken);
            if (result.MessageType == WebSocketMessageType.Close)
                return null;
            buffer.Advance(result.Count);
            if (buffer.WrittenCount > MaxMessageBytes)
                throw new WebSocketException("A Gateway message exceeded 16 MB.");
            if (result.EndOfMessage)
                return Encoding.UTF8.GetString(buffer.WrittenSpan);
        }
    }

    /// <summary>Sends a close frame if the connection is still open; a peer that does not take it is cut off.</summary>
    public async Task CloseAsync(WebSocketCloseStatus code, string reason)
    {
        if (!IsOpen)
            return;
        try
        {
            using var timeout = new CancellationTokenSource(CloseTimeout);
            await _send.WaitAsync(timeout.Token);
            try
            {
                await socket.CloseOutputAsync(code, reason, timeout.Token);
            }
            finally
            {
                _send.Release();
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or ObjectDisposedException or IOException)
        {
            socket.Abort();
        }
    }

    public void Dispose()
    {
        socket.Dispose();
        _send.Dispose();
    }
}
