using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using SupportBot.Tests.Infrastructure;

namespace SupportBot.Tests.Faults;

/// <summary>
/// Slack's Web API as a real HTTP server on 127.0.0.1, for an app running in another process. It outlives the app
/// processes of a test, so it sees every call each of them made. Answers like Slack; never fails, but can be slow
/// to answer posts (<see cref="PostDelay"/>), and finds its posts by metadata like Slack's history does.
/// </summary>
public sealed class LoopbackSlack : IAsyncDisposable
{
    private readonly ConcurrentQueue<SlackCall> _calls = new();
    private long _ts = 1_700_000_000;
    private readonly FakeWorkspace _posted = new();
    private WebApplication? _server;

    /// <summary>How long a post waits, already taken, before Slack answers: a window for a kill mid-call.</summary>
    public TimeSpan PostDelay { get; set; }

    public Uri ApiUrl { get; private set; } = new("http://127.0.0.1/");

    public IReadOnlyList<SlackCall> Calls => [.. _calls];

    public IReadOnlyList<SlackCall> Posts(string channel) =>
        Calls.Where(c => c.Method == "chat.postMessage" && c.Channel == channel).ToList();

    public static async Task<LoopbackSlack> StartAsync()
    {
        var slack = new LoopbackSlack();
        var (server, address) = await LoopbackServer.StartAsync(s =>
            s.MapPost("/api/{method}", (string method, HttpRequest request) => slack.AnswerAsync(method, request)));
        slack._server = server;
        slack.ApiUrl = new Uri(address + "/api/");
        return slack;
    }

    private async Task<IResult> AnswerAsync(string method, HttpRequest request)
    {
        using var reader = new StreamReader(request.Body);
        var body = await reader.ReadToEndAsync();
        var args = body.TrimStart().StartsWith('{') ? JsonNode.Parse(body)!.AsObject() : FakeWorkspace.FormArgs(body);
        var call = new SlackCall(method, args, request.Headers.Authorization.ToString(), request.Path, null);
        var answer = new JsonObject { ["ok"] = true };
        switch (method)
        {
            case "chat.postMessage":
                call.AnswerTs = $"{Interlocked.Increment(ref _ts).ToString(CultureInfo.InvariantCulture)}.000100";
                answer["channel"] = call.Channel;
                answer["ts"] = call.AnswerTs;
                _posted.AddPosted(call.Channel ?? "", call.AnswerTs, call.ThreadTs, args["metadata"]);
                break;
            case "chat.update":
                answer["ts"] = args["ts"]?.GetValue<string>();
                break;
            case "auth.test":
                answer["user_id"] = "UBOT";
                answer["bot_id"] = "BBOT";
                break;
            case "conversations.history" or "conversations.replies":
                answer = args["include_all_metadata"]?.GetValue<string>() == "true" ? _posted.Answer(method, args) : answer;
                answer["messages"] ??= new JsonArray();
                break;
            case "usergroups.users.list":
                answer["users"] = new JsonArray();
                break;
        }
        _calls.Enqueue(call);
        if (method == "chat.postMessage" && PostDelay > TimeSpan.Zero)
            await Task.Delay(PostDelay);
        return Results.Text(answer.ToJsonString(), "application/json");
    }

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
            await _server.DisposeAsync();
    }
}
