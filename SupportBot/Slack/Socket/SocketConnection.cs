using System.Buffers;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

namespace SupportBot.Slack.Socket;

/// <summary>
/// One Socket Mode WebSocket: reads envelopes one by one, acknowledges each once it is kept, and reports Slack's
/// <c>hello</c> and <c>disconnect</c>. After a disconnect it keeps reading, so envelopes already on their way arrive.
/// </summary>
public sealed class SocketConnection(ClientWebSocket socket, SocketEnvelopes envelopes, ILogger logger) : IDisposable
{
    /// <summary>Slack's envelopes are a few KB; a message far larger is not one.</summary>
    public const int MaxMessageBytes = 1024 * 1024;

    private readonly SemaphoreSlim _send = new(1, 1);

    public TaskCompletionSource Hello { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes with the reason when Slack asks the bot to move to a new connection.</summary>
    public TaskCompletionSource<string> Disconnect { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public int Acknowledged { get; private set; }

    /// <summary>Set by <see cref="SocketModeService"/> once the connection is over (under its lock).</summary>
    internal bool Ended { get; set; }

    /// <summary>Runs until the socket closes or breaks; an envelope that could not be kept ends it unacknowledged.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        while (socket.State == WebSocketState.Open)
        {
            var text = await ReceiveAsync(cancellationToken);
            if (text is null)
                break;
            switch (TypeOf(text))
            {
                case "hello":
                    Hello.TrySetResult();
                    continue;
                case "disconnect":
                    Disconnect.TrySetResult(ReasonOf(text));
                    continue;
            }
            var ack = await envelopes.AckAsync(text, cancellationToken);
            if (ack is null)
                continue;
            await SendAsync(ack, cancellationToken);
            Acknowledged++;
        }
    }

    public async Task CloseAsync()
    {
        try
        {
            await _send.WaitAsync();
            if (socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "bye", timeout.Token);
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            logger.LogDebug("Closing a Socket Mode connection: {Error}", e.Message);
        }
        finally
        {
            _send.Release();
        }
    }

    private async Task SendAsync(string text, CancellationToken cancellationToken)
    {
        await _send.WaitAsync(cancellationToken);
        try
        {
            await socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, endOfMessage: true, cancellationToken);
        }
        finally
        {
            _send.Release();
        }
    }

    private async Task<string?> ReceiveAsync(CancellationToken cancellationToken)
    {
        var buffer = new ArrayBufferWriter<byte>(8 * 1024);
        while (true)
        {
            var result = await socket.ReceiveAsync(buffer.GetMemory(8 * 1024), cancellationToken);
            if (result.MessageType == WebSocketMessageType.Close)
                return null;
            buffer.Advance(result.Count);
            if (buffer.WrittenCount > MaxMessageBytes)
                throw new WebSocketException("A Socket Mode message exceeded 1 MB.");
            if (result.EndOfMessage)
                return Encoding.UTF8.GetString(buffer.WrittenSpan);
        }
    }

    private static string? TypeOf(string text) => Field(text, "type");

    private static string ReasonOf(string text) => Field(text, "reason") ?? "unknown";

    private static string? Field(string text, string name)
    {
        try
        {
            using var doc = JsonDocument.Parse(text);
            return doc.RootElement.ValueKind == JsonValueKind.Object && doc.RootElement.TryGetProperty(name, out var v)
                   && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public void Dispose()
    {
        socket.Dispose();
        _send.Dispose();
    }
}
