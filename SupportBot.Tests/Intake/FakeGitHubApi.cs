using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json;

namespace SupportBot.Tests.Intake;

/// <summary>GitHub's REST API for issue comments, on a loopback port: records every comment Octokit makes.</summary>
public sealed class FakeGitHubApi : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly ConcurrentQueue<(string Path, string Body)> _comments = new();

    public FakeGitHubApi()
    {
        Url = $"http://127.0.0.1:{Infrastructure.FreePort.Next()}/";
        _listener.Prefixes.Add(Url);
        _listener.Start();
        _ = ServeAsync();
    }

    public string Url { get; }

    /// <summary>The intake settings with comments posted here (Intake:GitHub:Token and ApiUrl).</summary>
    public Dictionary<string, string?> Settings()
    {
        var settings = IntakeRequests.Settings();
        settings["Intake:GitHub:Token"] = "ghp_test";
        settings["Intake:GitHub:ApiUrl"] = Url;
        return settings;
    }

    public IReadOnlyList<(string Path, string Body)> Comments => [.. _comments];

    /// <summary>Waits for <paramref name="count"/> comments; throws when they do not come rather than returning fewer.</summary>
    public async Task<IReadOnlyList<(string Path, string Body)>> WaitForAsync(int count)
    {
        var deadline = Environment.TickCount64 + Infrastructure.Eventually.PatienceMs;
        while (Comments.Count < count)
        {
            if (Environment.TickCount64 > deadline)
                throw new TimeoutException($"waited {Infrastructure.Eventually.PatienceMs / 1000} s for {count} comment(s); got {Comments.Count}");
            await Task.Delay(20);
        }
        return Comments;
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
            {
                return;
            }
            using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
            var body = JsonDocument.Parse(await reader.ReadToEndAsync()).RootElement.GetProperty("body").GetString() ?? "";
            _comments.Enqueue((context.Request.Url!.AbsolutePath, body));
            var answer = Encoding.UTF8.GetBytes($"{{\"id\":{_comments.Count},\"body\":{JsonSerializer.Serialize(body)}}}");
            context.Response.StatusCode = 201;
            context.Response.ContentType = "application/json";
            await context.Response.OutputStream.WriteAsync(answer);
            context.Response.Close();
        }
    }

    public void Dispose() => _listener.Close();
}
