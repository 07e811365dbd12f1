using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using SupportBot.Slack.Signing;

namespace SupportBot.Tests.Infrastructure;

/// <summary>Builds requests the way Slack sends them: form-encoded or JSON, signed with the app's secret.</summary>
public sealed class SlackRequests(HttpClient client, string secret, Func<DateTimeOffset> now)
{
    public async Task<HttpResponseMessage> PostSignedAsync(string path, string body, string contentType,
        string? secretOverride = null, long? timestamp = null, IDictionary<string, string>? headers = null)
    {
        var ts = (timestamp ?? now().ToUnixTimeSeconds()).ToString(System.Globalization.CultureInfo.InvariantCulture);
        using var request = new HttpRequestMessage(HttpMethod.Post, path)
        {
            Content = new StringContent(body, Encoding.UTF8),
        };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        request.Headers.Add("X-Slack-Request-Timestamp", ts);
        request.Headers.Add("X-Slack-Signature", SlackSignature.Compute(secretOverride ?? secret, ts, Encoding.UTF8.GetBytes(body)));
        foreach (var (k, v) in headers ?? new Dictionary<string, string>())
            request.Headers.Add(k, v);
        return await client.SendAsync(request);
    }

    /// <summary>Runs a slash command and returns the visible text of the answer.</summary>
    public async Task<CommandAnswer> CommandAsync(string command, string text, string user, string channel = TestSettings.SupportChannel)
    {
        var form = Form(new()
        {
            ["command"] = command, ["text"] = text, ["user_id"] = user, ["user_name"] = user.ToLowerInvariant(),
            ["channel_id"] = channel, ["team_id"] = "T1", ["response_url"] = "https://hooks.slack.test/commands/1",
            ["trigger_id"] = "1.2.trigger",
        });
        var response = await PostSignedAsync("/slack/command", form, "application/x-www-form-urlencoded");
        var body = await response.Content.ReadAsStringAsync();
        var visible = body.TrimStart().StartsWith('{') ? JsonNode.Parse(body)?["text"]?.GetValue<string>() ?? "" : body;
        return new CommandAnswer(response.StatusCode, visible, body);
    }

    public Task<HttpResponseMessage> InteractAsync(JsonObject payload) =>
        PostSignedAsync("/slack/action", Form(new() { ["payload"] = payload.ToJsonString() }), "application/x-www-form-urlencoded");

    public Task<HttpResponseMessage> EventAsync(JsonObject slackEvent, string? eventId = null, int? retryNum = null)
    {
        var envelope = new JsonObject
        {
            ["type"] = "event_callback", ["team_id"] = "T1", ["api_app_id"] = "A1",
            ["event_id"] = eventId ?? "Ev" + Guid.NewGuid().ToString("N")[..10], ["event_time"] = now().ToUnixTimeSeconds(),
            ["event"] = slackEvent,
        };
        var headers = retryNum is { } n ? new Dictionary<string, string> { ["X-Slack-Retry-Num"] = n.ToString(System.Globalization.CultureInfo.InvariantCulture), ["X-Slack-Retry-Reason"] = "http_timeout" } : null;
        return PostSignedAsync("/slack/event", envelope.ToJsonString(), "application/json", headers: headers);
    }

    public static string Form(Dictionary<string, string> fields) =>
        string.Join("&", fields.Select(f => Uri.EscapeDataString(f.Key) + "=" + Uri.EscapeDataString(f.Value)));

    public static JsonObject Parse(string json) => JsonNode.Parse(json)!.AsObject();

    public static string Serialize(object value) => JsonSerializer.Serialize(value);
}

public sealed record CommandAnswer(System.Net.HttpStatusCode Status, string Text, string Body);
