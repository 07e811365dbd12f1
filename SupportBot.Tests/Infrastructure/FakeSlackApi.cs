using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SupportBot.Tests.Infrastructure;

/// <summary>
/// An in-process stand-in for Slack's Web API (and response URLs), plugged in as the HttpClient's handler.
/// Records every call, answers in Slack's envelope, and can fail on demand (429 + Retry-After, 5xx, errors, no connection).
/// </summary>
public sealed class FakeSlackApi : HttpMessageHandler
{
    private readonly ConcurrentQueue<SlackCall> _calls = new();
    private readonly ConcurrentQueue<Fault> _faults = new();
    private long _ts = 1_700_000_000;

    /// <summary>Messages and user groups the read methods answer from.</summary>
    public FakeWorkspace Workspace { get; } = new();

    /// <summary>The app's clock, so each call records when it came in app time (pacing and Retry-After are on that clock).</summary>
    public TimeProvider? Clock { get; set; }

    public IReadOnlyList<SlackCall> Calls => [.. _calls];

    /// <summary>Runs as each call arrives, before it is answered: a test makes Slack slow by moving the clock here.</summary>
    public Action<SlackCall>? OnCall { get; set; }

    /// <summary>Channels the bot was not invited to: <c>conversations.info</c> answers <c>is_member: false</c> for them.</summary>
    public HashSet<string> NotMemberOf { get; } = [];

    /// <summary>Users <c>users.getPresence</c> reports as away; everyone else is active.</summary>
    public ConcurrentDictionary<string, bool> Away { get; } = new();

    /// <summary>What <c>apps.connections.open</c> answers: the in-test Socket Mode server.</summary>
    public Uri? SocketUrl { get; set; }

    /// <summary>A fault for this "method" hits every call (Slack down as a whole, not one method).</summary>
    public const string AnyMethod = "*";

    public IReadOnlyList<SlackCall> Find(string method, Func<SlackCall, bool>? where = null) =>
        Calls.Where(c => c.Method == method && c.Faulted is null && (where is null || where(c))).ToList();

    /// <summary>Polls (without sleeping on a clock the test controls) until <paramref name="count"/> matching calls arrived.</summary>
    /// <summary>
    /// Waits for <paramref name="count"/> calls of <paramref name="method"/>; throws when they do not come, so a wait
    /// that would silently run out its whole patience (and let a test go on as if the call had been made) fails instead.
    /// </summary>
    public async Task<IReadOnlyList<SlackCall>> WaitForAsync(string method, Func<SlackCall, bool>? where = null, int count = 1)
    {
        var deadline = Environment.TickCount64 + Eventually.PatienceMs;
        while (true)
        {
            var found = Find(method, where);
            if (found.Count >= count)
                return found;
            if (Environment.TickCount64 > deadline)
                throw new TimeoutException($"waited {Eventually.PatienceMs / 1000} s for {count} {method} call(s){(where is null ? "" : " matching the test's condition")}; got {found.Count}");
            await Task.Delay(10);
        }
    }

    /// <summary>The next <paramref name="count"/> calls of <paramref name="method"/> fail like this.</summary>
    /// <remarks><paramref name="where"/> scopes a fault to matching calls (one channel: <c>a => a["channel"]?.ToString() == "C1"</c>).</remarks>
    public void Fail(string method, HttpStatusCode status, int count = 1, int? retryAfterSeconds = null, Func<JsonObject, bool>? where = null) =>
        _faults.Enqueue(new Fault(method, status, null, count, retryAfterSeconds, false) { Where = where });

    public void FailWithError(string method, string error, int count = 1, Func<JsonObject, bool>? where = null) =>
        _faults.Enqueue(new Fault(method, HttpStatusCode.OK, error, count, null, false) { Where = where });

    public void Unreachable(string method, int count = 1, Func<JsonObject, bool>? where = null) =>
        _faults.Enqueue(new Fault(method, HttpStatusCode.OK, null, count, null, true) { Where = where });

    /// <summary>Slack carries the next call out, but its answer is lost on the way back (a timeout, a reset connection).</summary>
    public void LoseAnswer(string method, int count = 1) =>
        _faults.Enqueue(new Fault(method, HttpStatusCode.OK, null, count, null, false) { After = AfterCall.LoseAnswer });

    /// <summary>Slack carries the next call out and never answers, until the app gives up on it (stops, or crashes).</summary>
    public void Hang(string method, int count = 1, Func<JsonObject, bool>? where = null) =>
        _faults.Enqueue(new Fault(method, HttpStatusCode.OK, null, count, null, false) { After = AfterCall.Hang, Where = where });

    /// <summary>Calls to one channel only.</summary>
    public static Func<JsonObject, bool> InChannel(string channel) => a => a["channel"]?.GetValue<string>() == channel;

    /// <summary>Slack is back: faults not used up yet are dropped.</summary>
    public void Recover() => _faults.Clear();

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var path = request.RequestUri!.AbsolutePath;
        var method = path.StartsWith("/api/", StringComparison.Ordinal) ? path["/api/".Length..] : "response_url";
        var body = request.Content is null ? "" : await request.Content.ReadAsStringAsync(cancellationToken);
        var args = body.TrimStart().StartsWith('{') ? JsonNode.Parse(body)!.AsObject() : FakeWorkspace.FormArgs(body);
        var auth = request.Headers.Authorization?.ToString();
        var fault = TakeFault(method, args);
        if (fault is { After: not AfterCall.Answer })
        {
            // the call takes effect; only its answer goes missing
            var done = new SlackCall(method, args, auth, request.RequestUri.ToString(), null) { AppTime = Clock?.GetUtcNow() };
            _calls.Enqueue(done);
            Answer(method, args, done);
            if (fault.After == AfterCall.Hang)
                await Task.Delay(Timeout.Infinite, cancellationToken);
            throw new HttpRequestException("Connection reset after Slack took the call (fake)");
        }
        var call = new SlackCall(method, args, auth, request.RequestUri.ToString(), fault?.Describe()) { AppTime = Clock?.GetUtcNow() };
        _calls.Enqueue(call);
        OnCall?.Invoke(call);
        if (fault is { Unreachable: true })
            throw new HttpRequestException("Connection refused (fake)");
        if (fault is { Error: { } error })
            return Json(new JsonObject { ["ok"] = false, ["error"] = error });
        if (fault is not null)
        {
            var failed = Json(new JsonObject { ["ok"] = false, ["error"] = "fault" }, fault.Status);
            if (fault.RetryAfter is { } seconds)
                failed.Headers.Add("Retry-After", seconds.ToString(System.Globalization.CultureInfo.InvariantCulture));
            return failed;
        }
        return Json(Answer(method, args, call));
    }

    private JsonObject Answer(string method, JsonObject args, SlackCall call)
    {
        var ts = $"{Interlocked.Increment(ref _ts)}.000100";
        switch (method)
        {
            case "chat.postMessage":
                call.AnswerTs = ts;
                Workspace.AddPosted(args["channel"]?.GetValue<string>() ?? "", ts, args["thread_ts"]?.GetValue<string>(), args["metadata"]);
                return new JsonObject { ["ok"] = true, ["channel"] = args["channel"]?.GetValue<string>(), ["ts"] = ts };
            case "chat.update":
                return new JsonObject { ["ok"] = true, ["ts"] = args["ts"]?.GetValue<string>() };
            case "users.getPresence":
                var away = Away.ContainsKey(args["user"]?.GetValue<string>() ?? "");
                return new JsonObject { ["ok"] = true, ["presence"] = away ? "away" : "active" };
            case "apps.connections.open":
                return new JsonObject { ["ok"] = true, ["url"] = SocketUrl?.ToString() };
            case "auth.test":
                return new JsonObject { ["ok"] = true, ["user_id"] = "UBOT", ["bot_id"] = "BBOT" };
            case "conversations.info":
                var channel = args["channel"]?.GetValue<string>() ?? "";
                return new JsonObject
                {
                    ["ok"] = true,
                    ["channel"] = new JsonObject
                    {
                        ["id"] = channel, ["name"] = channel.ToLowerInvariant(), ["is_private"] = channel.StartsWith('G'),
                        ["is_member"] = !NotMemberOf.Contains(channel),
                    },
                };
            case "conversations.history" or "conversations.replies" or "usergroups.users.list" or "users.info":
                return Workspace.Answer(method, args);
            default:
                return new JsonObject { ["ok"] = true };
        }
    }

    private Fault? TakeFault(string method, JsonObject args)
    {
        foreach (var fault in _faults)
        {
            if ((fault.Method == method || fault.Method == AnyMethod) && (fault.Where is null || fault.Where(args)) && Interlocked.Decrement(ref fault.Remaining) >= 0)
                return fault;
        }
        return null;
    }

    private static HttpResponseMessage Json(JsonObject body, HttpStatusCode status = HttpStatusCode.OK) =>
        new(status) { Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json") };

    private sealed class Fault(string method, HttpStatusCode status, string? error, int count, int? retryAfter, bool unreachable)
    {
        public string Method { get; } = method;
        public HttpStatusCode Status { get; } = status;
        public string? Error { get; } = error;
        public int? RetryAfter { get; } = retryAfter;
        public bool Unreachable { get; } = unreachable;
        public AfterCall After { get; init; }
        public Func<JsonObject, bool>? Where { get; init; }
        public int Remaining = count;

        public string Describe() => Unreachable ? "unreachable" : Error ?? ((int)Status).ToString(System.Globalization.CultureInfo.InvariantCulture);
    }
}

internal enum AfterCall
{
    Answer,
    LoseAnswer,
    Hang,
}

/// <summary>One recorded Web API call.</summary>
public sealed record SlackCall(string Method, JsonObject Args, string? Authorization, string Url, string? Faulted)
{
    public DateTime At { get; } = DateTime.UtcNow;

    /// <summary>When the call came in on the app's (fake) clock, if the fake knows it.</summary>
    public DateTimeOffset? AppTime { get; init; }

    /// <summary>The ts the fake gave a posted message.</summary>
    public string? AnswerTs { get; set; }

    public string? Channel => Args["channel"]?.GetValue<string>();

    public string? ThreadTs => Args["thread_ts"]?.GetValue<string>();

    /// <summary>Every human-visible string: text and Block Kit text fields, like Slack would show.</summary>
    public string Text => string.Join("\n", VisibleText(Args));

    private static IEnumerable<string> VisibleText(JsonNode? node) => node switch
    {
        JsonObject o => o.SelectMany(p => p.Key is "text" && p.Value is JsonValue v && v.GetValueKind() == JsonValueKind.String
            ? [v.GetValue<string>()]
            : VisibleText(p.Value)),
        JsonArray a => a.SelectMany(VisibleText),
        _ => [],
    };
}
