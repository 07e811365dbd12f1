using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using SupportBot.Tests.Infrastructure;

namespace SupportBot.Tests.Ai;

/// <summary>
/// An OpenAI-compatible chat server on the loopback (POST /v1/chat/completions): records every request and answers
/// with <see cref="Reply"/>'s text, or plays a slow (never answers until the client gives up), failing (500) or
/// garbled (200 that is not JSON) endpoint.
/// </summary>
public sealed class FakeModelServer : IAsyncDisposable
{
    public enum Behaviour
    {
        Answer,
        Hang,
        Fail,
        Garbage,
    }

    private readonly ConcurrentQueue<ModelRequest> _requests = new();
    private WebApplication? _server;

    public string Address { get; private set; } = "";

    /// <summary>What <c>Ai:Endpoint</c> is set to.</summary>
    public string Endpoint => Address + "/v1";

    public Behaviour Mode { get; set; } = Behaviour.Answer;

    /// <summary>The assistant's text for a request (its system prompt and user content).</summary>
    public Func<ModelRequest, string> Reply { get; set; } = Answers.ByPurpose;

    public IReadOnlyList<ModelRequest> Requests => [.. _requests];

    public static async Task<FakeModelServer> StartAsync()
    {
        var fake = new FakeModelServer();
        (fake._server, fake.Address) = await LoopbackServer.StartAsync(app => app.MapPost("/v1/chat/completions", (Delegate)fake.HandleAsync));
        return fake;
    }

    public Task<bool> ReceivedAsync(int count = 1) => Eventually.TrueAsync(() => _requests.Count >= count);

    private async Task<IResult> HandleAsync(HttpContext context)
    {
        var body = JsonNode.Parse(await new StreamReader(context.Request.Body).ReadToEndAsync())!.AsObject();
        var messages = body["messages"]!.AsArray();
        var request = new ModelRequest(body["model"]?.GetValue<string>(), context.Request.Headers.Authorization.ToString(),
            Content(messages, "system"), Content(messages, "user"));
        _requests.Enqueue(request);
        switch (Mode)
        {
            case Behaviour.Hang:
                await Task.Delay(Timeout.Infinite, context.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
                return Results.Empty;
            case Behaviour.Fail:
                return Results.Json(new { error = new { message = "model crashed", type = "server_error" } }, statusCode: 500);
            case Behaviour.Garbage:
                return Results.Text("<html>gateway says hello</html>", "application/json");
            default:
                return Results.Json(Completion(request.Model ?? "fake", Reply(request)));
        }
    }

    private static JsonObject Completion(string model, string text) => new()
    {
        ["id"] = "chatcmpl-fake", ["object"] = "chat.completion", ["created"] = 1_700_000_000, ["model"] = model,
        ["choices"] = new JsonArray(new JsonObject
        {
            ["index"] = 0, ["finish_reason"] = "stop",
            ["message"] = new JsonObject { ["role"] = "assistant", ["content"] = text },
        }),
        ["usage"] = new JsonObject { ["prompt_tokens"] = 10, ["completion_tokens"] = 10, ["total_tokens"] = 20 },
    };

    /// <summary>The text of the message(s) of one role; content may be a string or a list of parts.</summary>
    private static string Content(JsonArray messages, string role) => string.Join("\n", messages
        .Where(m => m?["role"]?.GetValue<string>() == role)
        .Select(m => m!["content"] switch
        {
            JsonValue v => v.GetValue<string>(),
            JsonArray parts => string.Join("", parts.Select(p => p?["text"]?.GetValue<string>() ?? "")),
            _ => "",
        }));

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
            await _server.DisposeAsync();
    }
}

public sealed record ModelRequest(string? Model, string Authorization, string System, string User);

/// <summary>The fake's answers: each made from what it was sent, so a test sees its ticket come back.</summary>
public static class Answers
{
    public static string ByPurpose(ModelRequest r) =>
        r.System.Contains("subject line", StringComparison.Ordinal) ? Subject(r)
        : r.System.Contains("summarise", StringComparison.Ordinal) ? Summary(r)
        : Draft(r);

    /// <summary>"Summary: " and the ticket's subject line, then its state line.</summary>
    public static string Summary(ModelRequest r)
    {
        var lines = r.User.Split('\n');
        var subject = lines.First(l => l.StartsWith("Subject: ", StringComparison.Ordinal))["Subject: ".Length..];
        return $"Problem: {subject}.\nState: {lines[0]}.\nNext: ask the customer for logs & a screenshot.";
    }

    public static string Draft(ModelRequest r) =>
        $"Hi, thanks for the details about \"{Summary(r).Split('\n')[0]["Problem: ".Length..].TrimEnd('.')}\". Could you send us the logs?";

    /// <summary>The request's longest line, cut to five words, quoted as a model might.</summary>
    public static string Subject(ModelRequest r) =>
        "\"" + string.Join(' ', r.User.Split('\n').OrderByDescending(l => l.Length).First().Split(' ').Take(5)) + "\"";
}
