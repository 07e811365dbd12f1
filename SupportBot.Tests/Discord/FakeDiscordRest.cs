using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace SupportBot.Tests.Discord;

/// <summary>
/// Discord's REST API v10 as the bot uses it, in process (the HttpClient's handler): Create Message and Start Thread
/// from Message with Discord's answers and error shapes (401 without <c>Authorization: Bot</c>, 10003 Unknown Channel,
/// 160004 thread already created), per-route rate-limit headers, and 429s with <c>retry_after</c> on demand. Records
/// every call with the app's clock, so a test sees when a retry came.
/// </summary>
public sealed partial class FakeDiscordRest(string token) : HttpMessageHandler
{
    private readonly ConcurrentQueue<DiscordCall> _calls = new();
    private readonly ConcurrentDictionary<string, string> _threads = new(); // thread id → parent channel
    private readonly ConcurrentQueue<(Func<DiscordCall, bool> Where, HttpStatusCode Status, JsonObject Body, bool Global)> _faults = new();
    private long _ids = 1_300_000_000_000_000_000;

    public TimeProvider Clock { get; set; } = TimeProvider.System;

    public IReadOnlyList<DiscordCall> Calls => [.. _calls];

    /// <summary>Channels that exist besides threads (the help channels); a post elsewhere is 10003 Unknown Channel.</summary>
    public HashSet<string> TextChannels { get; } = [];

    public IReadOnlyList<DiscordCall> Posts(string channel) =>
        Calls.Where(c => c.Route == "POST /channels/{id}/messages" && c.Channel == channel && c.Status == HttpStatusCode.OK).ToList();

    public IReadOnlyList<DiscordCall> ThreadStarts() => Calls.Where(c => c.Route == "POST /channels/{id}/messages/{id}/threads").ToList();

    /// <summary>The next matching call is answered 429 with <paramref name="retryAfter"/> seconds (Discord's body and headers).</summary>
    public void RateLimit(Func<DiscordCall, bool> where, double retryAfter, bool global = false) =>
        _faults.Enqueue((where, (HttpStatusCode)429, new JsonObject
        {
            ["message"] = "You are being rate limited.", ["retry_after"] = retryAfter, ["global"] = global,
        }, global));

    /// <summary>The next matching call is refused with Discord's error <paramref name="code"/>.</summary>
    public void Refuse(Func<DiscordCall, bool> where, HttpStatusCode status, int code, string message) =>
        _faults.Enqueue((where, status, new JsonObject { ["message"] = message, ["code"] = code }, false));

    /// <summary>Waits (polling, a few ms at a time) for <paramref name="count"/> calls matching <paramref name="where"/>.</summary>
    public async Task<IReadOnlyList<DiscordCall>> WaitForAsync(Func<DiscordCall, bool> where, int count = 1)
    {
        var deadline = Environment.TickCount64 + Infrastructure.Eventually.PatienceMs;
        while (true)
        {
            var found = Calls.Where(where).ToList();
            if (found.Count >= count)
                return found;
            if (Environment.TickCount64 > deadline)
                throw new TimeoutException($"waited for {count} Discord call(s); got {found.Count}: {string.Join("; ", Calls.Select(c => $"{c.Route} {c.Channel} {(int)c.Status}"))}");
            await Task.Delay(10);
        }
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var path = request.RequestUri!.AbsolutePath;
        var body = request.Content is null ? null : JsonNode.Parse(await request.Content.ReadAsStringAsync(cancellationToken)) as JsonObject;
        var m = Path().Match(path);
        var route = $"{request.Method.Method} {(m.Success ? Ids().Replace(m.Groups[1].Value, "/{id}") : path)}";
        var call = new DiscordCall(route, m.Success ? m.Groups[2].Value : "", m.Groups[3].Success ? m.Groups[3].Value : null, body,
            request.Headers.Authorization?.ToString(), Clock.GetUtcNow());
        var (status, answer, global) = Answer(call);
        _calls.Enqueue(call with { Status = status, Answer = answer });
        var response = new HttpResponseMessage(status) { Content = new StringContent(answer.ToJsonString(), Encoding.UTF8, "application/json") };
        response.Headers.Add("X-RateLimit-Bucket", route.GetHashCode(StringComparison.Ordinal).ToString("x8", System.Globalization.CultureInfo.InvariantCulture));
        // a roomy bucket: the app's clock stands still in tests, so an emptied bucket would never refill
        response.Headers.Add("X-RateLimit-Limit", "50");
        response.Headers.Add("X-RateLimit-Remaining", status == (HttpStatusCode)429 ? "0" : "49");
        response.Headers.Add("X-RateLimit-Reset-After", status == (HttpStatusCode)429 ? answer["retry_after"]!.ToString() : "1");
        if (global)
            response.Headers.Add("X-RateLimit-Global", "true");
        return response;
    }

    private (HttpStatusCode, JsonObject, bool) Answer(DiscordCall call)
    {
        if (call.Authorization != $"Bot {token}")
            return (HttpStatusCode.Unauthorized, new JsonObject { ["message"] = "401: Unauthorized", ["code"] = 0 }, false);
        foreach (var _ in _faults)
        {
            if (!_faults.TryDequeue(out var fault))
                break;
            if (fault.Where(call))
                return (fault.Status, (JsonObject)fault.Body.DeepClone(), fault.Global);
            _faults.Enqueue(fault);
        }
        switch (call.Route)
        {
            case "POST /channels/{id}/messages/{id}/threads":
                if (!_threads.TryAdd(call.Message!, call.Channel))
                    return (HttpStatusCode.BadRequest, new JsonObject { ["message"] = "A thread has already been created for this message", ["code"] = 160004 }, false);
                return (HttpStatusCode.Created, new JsonObject
                {
                    ["id"] = call.Message, ["type"] = 11, ["parent_id"] = call.Channel, ["name"] = call.Body?["name"]?.GetValue<string>(),
                }, false);
            case "POST /channels/{id}/messages":
                if (!_threads.ContainsKey(call.Channel) && !TextChannels.Contains(call.Channel))
                    return (HttpStatusCode.NotFound, new JsonObject { ["message"] = "Unknown Channel", ["code"] = 10003 }, false);
                return (HttpStatusCode.OK, new JsonObject
                {
                    ["id"] = Interlocked.Increment(ref _ids).ToString(System.Globalization.CultureInfo.InvariantCulture),
                    ["channel_id"] = call.Channel, ["content"] = call.Body?["content"]?.DeepClone(), ["mention_everyone"] = false,
                }, false);
            default:
                return (HttpStatusCode.NotFound, new JsonObject { ["message"] = "404: Not Found", ["code"] = 0 }, false);
        }
    }

    /// <summary>A forum post or a thread started elsewhere: posts to it are accepted.</summary>
    public void ThreadExists(string threadId, string parentId) => _threads[threadId] = parentId;

    [GeneratedRegex(@"^/api/v10(/channels/(\d+)(?:/messages(?:/(\d+))?(?:/threads)?)?)$")]
    private static partial Regex Path();

    [GeneratedRegex(@"/\d+")]
    private static partial Regex Ids();
}

/// <summary>One REST call the bot made: its route (ids as <c>{id}</c>), channel, message, JSON body and Discord's answer.</summary>
public sealed record DiscordCall(string Route, string Channel, string? Message, JsonObject? Body, string? Authorization, DateTimeOffset At)
{
    public HttpStatusCode Status { get; init; }
    public JsonObject? Answer { get; init; }

    public string Content => Body?["content"]?.GetValue<string>() ?? "";
}
