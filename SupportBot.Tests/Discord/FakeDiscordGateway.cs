using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using SupportBot.Discord.Gateway;
using SupportBot.Tests.Infrastructure;

namespace SupportBot.Tests.Discord;

/// <summary>
/// Discord's Gateway on 127.0.0.1 (a Kestrel WebSocket endpoint) speaking its documented payloads: HELLO on connect;
/// IDENTIFY → READY (resume_gateway_url = <see cref="Url"/>) and GUILD_CREATE; HEARTBEAT → ACK; RESUME → the
/// session's events after its seq, then RESUMED; an unknown session → op 9 false. Sessions number their events and
/// keep them while their connection is down. A test sends events with <see cref="Dispatch"/>, breaks things with
/// <see cref="Drop"/>, <see cref="ReconnectAsync"/>, <see cref="InvalidSession"/> and <see cref="Close"/>, and waits
/// for what the bot sent (<see cref="NextAsync"/>, <see cref="StartedAsync"/>).
/// </summary>
public sealed class FakeDiscordGateway : IAsyncDisposable
{
    public const string Token = "fake-gateway-token.Zm9vYmFy.c2VjcmV0";
    public const string GuildId = "1180000000000000001";
    public const string BotUserId = "1180000000000000002";
    public const string Identify = "identify", Resume = "resume";

    private readonly Lock _lock = new();
    private readonly List<GatewayLink> _links = [];
    private readonly Dictionary<string, GatewaySessionLog> _sessions = [];
    private readonly List<ClientPayload> _received = [];
    private readonly List<SessionStart> _starts = [];
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private WebApplication? _server;

    private FakeDiscordGateway(int heartbeatIntervalMs) => HeartbeatIntervalMs = heartbeatIntervalMs;

    /// <summary>The address for Discord:GatewayUrl.</summary>
    public Uri Url { get; private set; } = new("ws://127.0.0.1/");

    public int HeartbeatIntervalMs { get; }

    /// <summary>False plays a zombie connection: heartbeats go unanswered.</summary>
    public bool AckHeartbeats { get; set; } = true;

    /// <summary>The guild's channels sent in GUILD_CREATE (objects with at least id and type).</summary>
    public List<JsonObject> Channels { get; } = [];

    /// <summary>Everything the bot sent, in order; <c>Received.Count</c> marks a point to wait after.</summary>
    public IReadOnlyList<ClientPayload> Received => Locked(() => _received.ToList());

    /// <summary>Every READY (after IDENTIFY) or RESUMED (after RESUME) written to the bot.</summary>
    public IReadOnlyList<SessionStart> Starts => Locked(() => _starts.ToList());

    public IReadOnlyList<GatewayLink> Links => Locked(() => _links.ToList());

    public static async Task<FakeDiscordGateway> StartAsync(int heartbeatIntervalMs = 41_250)
    {
        var fake = new FakeDiscordGateway(heartbeatIntervalMs);
        var (server, address) = await LoopbackServer.StartAsync(s =>
        {
            s.UseWebSockets();
            s.Run(fake.AcceptAsync);
        });
        fake.Url = new Uri(address.Replace("http://", "ws://", StringComparison.Ordinal) + "/");
        fake._server = server;
        return fake;
    }

    /// <summary>A MESSAGE_CREATE's data: a guild message by a user (not a bot).</summary>
    public static JsonObject Message(string id, string channelId, string content, string authorId = "1180000000000000100") => new()
    {
        ["id"] = id,
        ["channel_id"] = channelId,
        ["guild_id"] = GuildId,
        ["content"] = content,
        ["type"] = 0,
        ["author"] = new JsonObject { ["id"] = authorId, ["username"] = "user" + authorId[^3..], ["global_name"] = "User " + authorId[^3..] },
        ["timestamp"] = DateTimeOffset.UtcNow.ToString("O"),
    };

    /// <summary>An event for every live session (as Discord does); the sequence number it got in the newest one.</summary>
    public long? Dispatch(string type, JsonObject data)
    {
        lock (_lock)
        {
            long? seq = null;
            foreach (var session in _sessions.Values.Where(s => s.Valid))
                seq = Send(session, type, data);
            return seq;
        }
    }

    /// <summary>The TCP connection ends with no close frame; what was queued for it is lost (its session keeps it).</summary>
    public void Drop() => Current()?.Abort();

    /// <summary>op 7 Reconnect on the current connection.</summary>
    public void Reconnect() => Current()?.Send(Op(7, null));

    /// <summary>op 9 Invalid Session; not resumable ends the session, so only a fresh IDENTIFY brings events again.</summary>
    public void InvalidSession(bool resumable)
    {
        lock (_lock)
        {
            if (Current() is not { } link)
                return;
            if (link.Session is { } s && !resumable)
            {
                s.Valid = false;
                s.Link = null;
            }
            link.Authenticated = false;
            link.Send(Op(9, resumable));
        }
    }

    /// <summary>A close frame with a Gateway close code (4007 and 4009 end the session, as on Discord).</summary>
    public void Close(int code)
    {
        lock (_lock)
        {
            if (Current() is not { } link)
                return;
            if (code is 4007 or 4009 && link.Session is { } s)
                s.Valid = false;
            link.Close(code);
        }
    }

    /// <summary>op 1 from the Gateway: the bot must heartbeat at once.</summary>
    public void RequestHeartbeat() => Current()?.Send(Op(1, null));

    /// <summary>The first payload with <paramref name="op"/> at or after index <paramref name="after"/> of <see cref="Received"/>.</summary>
    public async Task<ClientPayload> NextAsync(int op, int after = 0)
    {
        ClientPayload? found = null;
        Assert.True(await WaitUntilAsync(() => (found = Received.Skip(after).FirstOrDefault(p => p.Op == op)) is not null),
            $"the bot sent no op {op} (it sent: {string.Join(", ", Received.Skip(after).Select(p => p.Op))})");
        return found!;
    }

    /// <summary>The first READY or RESUMED written at or after index <paramref name="after"/> of <see cref="Starts"/>.</summary>
    public async Task<SessionStart> StartedAsync(int after = 0, string? how = null)
    {
        SessionStart? found = null;
        Assert.True(await WaitUntilAsync(() => (found = Starts.Skip(after).FirstOrDefault(s => how is null || s.How == how)) is not null),
            $"no session {how ?? "start"} (the bot sent: {string.Join(", ", Received.Select(p => p.Op))})");
        return found!;
    }

    /// <summary>
    /// <see cref="StartedAsync"/>, then until the bot has read that READY or RESUMED too: a link broken before it did
    /// is a connection that failed, whose backoff runs on the app's clock, and that clock stands still in tests.
    /// </summary>
    public async Task<SessionStart> BotConnectedAsync(DiscordGatewayStatus status, int after = 0, string? how = null)
    {
        var start = await StartedAsync(after, how);
        Assert.True(await WaitUntilAsync(() => status.Now is { Connected: true } now
                                               && now.Connections >= start.Connection && now.SessionId == start.SessionId),
            $"the bot did not read the {start.How} on connection {start.Connection}");
        return start;
    }

    /// <summary>Waits for <paramref name="condition"/> on this fake's signal (each payload, start, connect and close).</summary>
    public async Task<bool> WaitUntilAsync(Func<bool> condition, int timeoutMs = Eventually.PatienceMs)
    {
        var deadline = Environment.TickCount64 + timeoutMs;
        while (true)
        {
            var changed = Volatile.Read(ref _changed).Task;
            if (condition())
                return true;
            var left = deadline - Environment.TickCount64;
            if (left <= 0)
                return false;
            // woken by this fake's signal; the bot's own progress (its handler, its status) is looked at every 20 ms
            await Task.WhenAny(changed, Task.Delay((int)Math.Min(left, 20)));
        }
    }

    private T Locked<T>(Func<T> read)
    {
        lock (_lock)
            return read();
    }

    private void Changed() => Interlocked.Exchange(ref _changed, new(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();

    private GatewayLink? Current() => Locked(() => _links.LastOrDefault(l => l.Open));

    private static JsonObject Op(int op, JsonNode? d, long? s = null, string? t = null) => new() { ["op"] = op, ["d"] = d, ["s"] = s, ["t"] = t };

    /// <summary>Numbers the event in the session, keeps it for replay, and writes it if the session's connection is up.</summary>
    private static long? Send(GatewaySessionLog session, string type, JsonObject data)
    {
        var d = (JsonObject)data.DeepClone();
        if (type == "MESSAGE_CREATE" && (session.Intents & (1 << 15)) == 0 && d["author"]?["id"]?.GetValue<string>() != BotUserId)
            d["content"] = ""; // Discord blanks content without the MESSAGE_CONTENT intent
        var seq = ++session.Seq;
        session.Events.Add((seq, type, d));
        if (session.Link is { Open: true, Authenticated: true } link)
            link.Send(Op(0, d.DeepClone(), seq, type));
        return seq;
    }

    private async Task AcceptAsync(HttpContext context)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            context.Response.StatusCode = 400;
            return;
        }
        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        GatewayLink link;
        lock (_lock)
        {
            link = new GatewayLink(socket, context, _links.Count + 1, context.Request.QueryString.Value ?? "", Changed);
            _links.Add(link);
            link.Send(Op(10, new JsonObject { ["heartbeat_interval"] = HeartbeatIntervalMs }));
        }
        Changed();
        var writing = link.WriteAsync();
        try
        {
            while (await link.ReceiveAsync() is { } text)
                OnPayload(link, JsonNode.Parse(text)!.AsObject());
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or IOException)
        {
            // dropped on purpose, or the bot went away
        }
        finally
        {
            Ended(link);
            link.Finish();
            await writing;
        }
    }

    private void OnPayload(GatewayLink link, JsonObject payload)
    {
        var op = payload["op"]!.GetValue<int>();
        var d = payload["d"];
        lock (_lock)
        {
            _received.Add(new ClientPayload(link.Number, op, d?.DeepClone()));
            switch (op)
            {
                case 1 when AckHeartbeats:
                    link.Send(Op(11, null));
                    break;
                case 2:
                    OnIdentify(link, d!.AsObject());
                    break;
                case 6:
                    OnResume(link, d!.AsObject());
                    break;
            }
        }
        Changed();
    }

    private void OnIdentify(GatewayLink link, JsonObject d)
    {
        if (d["token"]?.GetValue<string>() != Token)
        {
            link.Close(4004);
            return;
        }
        var session = new GatewaySessionLog(Guid.NewGuid().ToString("N"), d["intents"]?.GetValue<int>() ?? 0) { Link = link };
        _sessions[session.Id] = session;
        link.Session = session;
        link.Authenticated = true;
        var seq = Send(session, "READY", new JsonObject
        {
            ["v"] = 10,
            ["user"] = new JsonObject { ["id"] = BotUserId, ["username"] = "SupportBot", ["bot"] = true },
            ["guilds"] = new JsonArray(new JsonObject { ["id"] = GuildId, ["unavailable"] = true }),
            ["session_id"] = session.Id,
            ["resume_gateway_url"] = Url.ToString(),
        });
        _starts.Add(new SessionStart(link.Number, Identify, session.Id, seq!.Value, d));
        Send(session, "GUILD_CREATE", new JsonObject
        {
            ["id"] = GuildId,
            ["name"] = "Fake Guild",
            ["unavailable"] = false,
            ["channels"] = new JsonArray([.. Channels.Select(c => c.DeepClone())]),
            ["threads"] = new JsonArray(),
        });
    }

    private void OnResume(GatewayLink link, JsonObject d)
    {
        if (d["token"]?.GetValue<string>() != Token)
        {
            link.Close(4004);
            return;
        }
        if (!_sessions.TryGetValue(d["session_id"]?.GetValue<string>() ?? "", out var session) || !session.Valid)
        {
            link.Send(Op(9, false));
            return;
        }
        var after = d["seq"]?.GetValue<long>() ?? 0;
        if (after > session.Seq)
        {
            session.Valid = false;
            link.Close(4007);
            return;
        }
        if (session.Link is { } old && old != link)
            old.Abort(); // Discord ends the session's older connection
        session.Link = link;
        link.Session = session;
        link.Authenticated = true;
        foreach (var (seq, type, data) in session.Events.Where(e => e.Seq > after))
            link.Send(Op(0, data.DeepClone(), seq, type));
        var resumed = Send(session, "RESUMED", new JsonObject());
        _starts.Add(new SessionStart(link.Number, Resume, session.Id, resumed!.Value, d));
    }

    private void Ended(GatewayLink link)
    {
        lock (_lock)
        {
            link.Open = false;
            if (link.Session is { } s && s.Link == link)
            {
                s.Link = null;
                if (link.ClientCloseCode is 1000 or 1001)
                    s.Valid = false; // Discord: a client's 1000/1001 ends the session
            }
        }
        Changed();
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var link in Links)
            link.Abort();
        if (_server is not null)
        {
            await _server.StopAsync();
            await _server.DisposeAsync();
        }
    }

    /// <summary>A payload the bot sent: on which connection (1, 2 …), its op and its <c>d</c>.</summary>
    public sealed record ClientPayload(int Connection, int Op, JsonNode? Data);

    /// <summary>READY or RESUMED written on a connection, with the IDENTIFY or RESUME that asked for it.</summary>
    public sealed record SessionStart(int Connection, string How, string SessionId, long Seq, JsonObject Request);

    internal sealed class GatewaySessionLog(string id, int intents)
    {
        public string Id { get; } = id;
        public int Intents { get; } = intents;
        public long Seq { get; set; }
        public bool Valid { get; set; } = true;
        public GatewayLink? Link { get; set; }
        public List<(long Seq, string Type, JsonObject Data)> Events { get; } = [];
    }

    /// <summary>One connection from the bot: payloads are written in order by one writer.</summary>
    public sealed class GatewayLink(WebSocket socket, HttpContext context, int number, string query, Action changed)
    {
        private readonly Channel<(JsonObject? Payload, int? CloseCode)> _out = Channel.CreateUnbounded<(JsonObject?, int?)>();

        public int Number { get; } = number;

        /// <summary>The query string the bot connected with (<c>?v=10&amp;encoding=json</c>).</summary>
        public string Query { get; } = query;

        public bool Open { get; internal set; } = true;

        /// <summary>The close code of the bot's close frame, if it sent one.</summary>
        public int? ClientCloseCode { get; private set; }

        internal bool Authenticated { get; set; }

        internal GatewaySessionLog? Session { get; set; }

        internal void Send(JsonObject payload) => _out.Writer.TryWrite((payload, null));

        internal void Close(int code)
        {
            _out.Writer.TryWrite((null, code));
            _out.Writer.TryComplete();
        }

        internal void Finish() => _out.Writer.TryComplete();

        internal void Abort()
        {
            _out.Writer.TryComplete();
            if (!Open)
                return;
            try
            {
                context.Abort();
                socket.Abort();
            }
            catch (ObjectDisposedException)
            {
                // the request ended meanwhile: the connection is already gone
            }
        }

        internal async Task<string?> ReceiveAsync()
        {
            var buffer = new byte[64 * 1024];
            using var message = new MemoryStream();
            WebSocketReceiveResult result;
            do
            {
                result = await socket.ReceiveAsync(buffer, CancellationToken.None);
                message.Write(buffer, 0, result.Count);
            }
            while (!result.EndOfMessage && result.MessageType != WebSocketMessageType.Close);
            if (result.MessageType != WebSocketMessageType.Close)
                return Encoding.UTF8.GetString(message.ToArray());
            ClientCloseCode = (int?)result.CloseStatus;
            changed();
            return null;
        }

        internal async Task WriteAsync()
        {
            try
            {
                await foreach (var (payload, code) in _out.Reader.ReadAllAsync())
                {
                    if (code is { } close)
                        await socket.CloseOutputAsync((WebSocketCloseStatus)close, "closed by the fake Gateway", CancellationToken.None);
                    else
                        await socket.SendAsync(Encoding.UTF8.GetBytes(payload!.ToJsonString()), WebSocketMessageType.Text, true, CancellationToken.None);
                }
            }
            catch (Exception e) when (e is WebSocketException or OperationCanceledException or IOException or ObjectDisposedException)
            {
                // the connection is gone; a session keeps its events for a RESUME
            }
        }
    }
}
