using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SupportBot.Tests.Dashboard.Browser;

/// <summary>
/// One WebSocket to Chromium's DevTools endpoint, in flat mode: commands to a page carry its session id, answers are
/// matched by command id, and events are handed to whoever waits for that method on that session.
/// </summary>
public sealed class DevToolsConnection : IAsyncDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private readonly ClientWebSocket _socket = new();
    private readonly SemaphoreSlim _sending = new(1, 1); // a WebSocket takes one send at a time
    private readonly ConcurrentDictionary<int, (string Method, TaskCompletionSource<JsonObject> Answer)> _calls = new();
    private readonly ConcurrentDictionary<(string? Session, string Method), TaskCompletionSource<JsonObject>> _waiters = new();
    private readonly CancellationTokenSource _closing = new();
    private Task _reading = Task.CompletedTask;
    private int _lastId;

    public static async Task<DevToolsConnection> OpenAsync(Uri endpoint)
    {
        var connection = new DevToolsConnection();
        connection._socket.Options.KeepAliveInterval = TimeSpan.Zero;
        await connection._socket.ConnectAsync(endpoint, CancellationToken.None);
        connection._reading = Task.Run(connection.ReadAsync);
        return connection;
    }

    /// <summary>Sends a command and returns its result; a DevTools error or silence fails with the method named.</summary>
    public async Task<JsonObject> CallAsync(string method, JsonObject? parameters = null, string? session = null)
    {
        var id = Interlocked.Increment(ref _lastId);
        var answer = new TaskCompletionSource<JsonObject>(TaskCreationOptions.RunContinuationsAsynchronously);
        _calls[id] = (method, answer);
        var message = new JsonObject { ["id"] = id, ["method"] = method, ["params"] = parameters ?? [] };
        if (session is not null)
            message["sessionId"] = session;
        await _sending.WaitAsync();
        try
        {
            await _socket.SendAsync(Encoding.UTF8.GetBytes(message.ToJsonString()), WebSocketMessageType.Text, true, CancellationToken.None);
        }
        finally
        {
            _sending.Release();
        }
        return await answer.Task.WaitAsync(Patience).ConfigureAwait(false);
    }

    /// <summary>
    /// The next event <paramref name="method"/> on <paramref name="session"/>. Ask before the command that causes it,
    /// and await after: the event may arrive before the command's answer.
    /// </summary>
    public Task<JsonObject> NextEventAsync(string method, string? session)
    {
        var waiter = _waiters.GetOrAdd((session, method), _ => new TaskCompletionSource<JsonObject>(TaskCreationOptions.RunContinuationsAsynchronously));
        return waiter.Task.WaitAsync(Patience);
    }

    private async Task ReadAsync()
    {
        var buffer = new byte[64 * 1024];
        using var message = new MemoryStream();
        try
        {
            while (_socket.State == WebSocketState.Open)
            {
                var part = await _socket.ReceiveAsync(buffer, _closing.Token);
                if (part.MessageType == WebSocketMessageType.Close)
                    break;
                message.Write(buffer, 0, part.Count);
                if (!part.EndOfMessage)
                    continue;
                Dispatch(JsonNode.Parse(message.GetBuffer().AsSpan(0, (int)message.Length))!.AsObject());
                message.SetLength(0);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException)
        {
            // the browser went away or we closed: every open call fails below instead of waiting out its patience
        }
        foreach (var (_, call) in _calls)
            call.Answer.TrySetException(new InvalidOperationException($"Chromium closed the DevTools connection during {call.Method}"));
    }

    private void Dispatch(JsonObject message)
    {
        if (message["id"]?.GetValue<int>() is { } id && _calls.TryRemove(id, out var call))
        {
            if (message["error"] is { } error)
                call.Answer.TrySetException(new InvalidOperationException($"{call.Method} failed: {error.ToJsonString()}"));
            else
                call.Answer.TrySetResult(message["result"]?.AsObject() ?? []);
            return;
        }
        if (message["method"]?.GetValue<string>() is { } method
            && _waiters.TryRemove((message["sessionId"]?.GetValue<string>(), method), out var waiter))
            waiter.TrySetResult(message["params"]?.AsObject() ?? []);
    }

    public async ValueTask DisposeAsync()
    {
        await _closing.CancelAsync();
        await _reading;
        _socket.Dispose();
        _sending.Dispose();
        _closing.Dispose();
    }
}
