using System.Net;
using System.Text.Json.Nodes;
using SupportBot.Tests.Infrastructure;

namespace SupportBot.Tests.Slack;

/// <summary>Genuine (signed) requests that cannot be read get a 4xx with a reason, never a 5xx.</summary>
public sealed class MalformedRequestTests(SharedApp shared) : IClassFixture<SharedApp>
{
    private SupportBotApp App => shared.App;

    private SlackRequests Requests => App.Requests;

    private const string Form = "application/x-www-form-urlencoded";
    private const string Json = "application/json";

    private static string Payload(string json) => "payload=" + Uri.EscapeDataString(json);

    public static TheoryData<string, string, string> BadRequests => new()
    {
        { "/slack/action", Payload("{not json"), Form },
        { "/slack/action", Payload("""{"type":"block_actions","user":{"id":"U_ENG1"},"actions":[{"action_id":"take_ticket","value":"1"}"""), Form },
        { "/slack/action", Payload("[]"), Form },
        { "/slack/action", Payload("null"), Form },
        { "/slack/action", Payload("""{"type":"block_actions"}"""), Form },
        { "/slack/action", Payload("""{"type":5,"user":{"id":"U_ENG1"}}"""), Form },
        { "/slack/action", Payload("""{"type":"block_actions","user":"U_ENG1"}"""), Form },
        { "/slack/action", "", Form },
        { "/slack/action", "text=hello", Form },
        { "/slack/action", "payload=", Form },
        { "/slack/event", "[]", Json },
        { "/slack/event", """{"type":"event_callback","event_id":"Ev1","event":{"type":"message","text":"hi""", Json },
        { "/slack/event", "", Json },
        { "/slack/event", "token=abc&challenge=x", Form },
        { "/slack/event", """{"type":"url_verification"}""", Json },
        { "/slack/event", """{"type":"event_callback","event_id":"Ev1","event":[]}""", Json },
        { "/slack/event", """{"type":"event_callback","event":{"type":"message"}}""", Json },
        { "/slack/event", """{"type":"something_else"}""", Json },
        { "/slack/command", "", Form },
        { "/slack/command", "text=12&user_id=U_ENG1&channel_id=C_SUPPORT", Form },
        { "/slack/command", "command=%2Fstatus&text=12&channel_id=C_SUPPORT", Form },
        { "/slack/command", "command=%2Fstatus&text=12&user_id=U_ENG1", Form },
        { "/slack/command", """{"command":"/status","user_id":"U_ENG1","channel_id":"C_SUPPORT"}""", Json },
    };

    [Theory]
    [MemberData(nameof(BadRequests))]
    public async Task Malformed_bodies_get_400_with_a_reason(string path, string body, string contentType)
    {
        var response = await Requests.PostSignedAsync(path, body, contentType);
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var detail = JsonNode.Parse(text)?["detail"]?.GetValue<string>();
        Assert.False(string.IsNullOrWhiteSpace(detail), $"no reason in {text}");
    }

    [Theory]
    [MemberData(nameof(Oddities))]
    public async Task Odd_but_readable_bodies_never_get_a_5xx(string path, string body, string contentType)
    {
        var response = await Requests.PostSignedAsync(path, body, contentType);
        Assert.True((int)response.StatusCode < 500, $"{path} answered {(int)response.StatusCode} to {body}");
    }

    public static TheoryData<string, string, string> Oddities => new()
    {
        { "/slack/action", Payload("""{"type":"block_actions","user":{"id":"U_ENG1"},"actions":[null]}"""), Form },
        { "/slack/action", Payload("""{"type":"block_actions","user":{"id":"U_ENG1"},"actions":[{"value":"1"}]}"""), Form },
        { "/slack/action", Payload("""{"type":"block_actions","user":{"id":"U_ENG1"},"actions":[{"action_id":"take_ticket","value":"x"}]}"""), Form },
        { "/slack/action", Payload("""{"type":"block_actions","user":{"id":"U_ENG1"},"actions":[{"action_id":"open_request_form"}]}"""), Form },
        { "/slack/action", Payload("""{"type":"view_submission","user":{"id":"U_CUST1"},"view":{"callback_id":"support_request"}}"""), Form },
        { "/slack/action", Payload("""{"type":"view_submission","user":{"id":"U_CUST1"},"view":{"callback_id":"support_request","private_metadata":"{oops","state":{"values":{}}}}"""), Form },
        { "/slack/action", Payload("""{"type":"message_action","callback_id":"create_ticket","user":{"id":"U_CUST1"}}"""), Form },
        { "/slack/action", Payload("""{"type":"view_closed","user":{"id":"U_CUST1"}}"""), Form },
        { "/slack/action", "payload=%ZZ%7B", Form },
        { "/slack/command", "command=%2Ftake&text=%ZZ&user_id=U_ENG1&channel_id=C_SUPPORT", Form },
        { "/slack/command", "command=%2Fstatus&text=99999999999999999999&user_id=U_ENG1&channel_id=C_SUPPORT", Form },
        { "/slack/command", "command=%2Ftake&text=99999999999999999999&user_id=U_ENG1&channel_id=C_SUPPORT", Form },
        { "/slack/command", "command=%2Fstatus&text=%230&user_id=U_ENG1&channel_id=C_SUPPORT", Form },
        { "/slack/event", """{"type":"event_callback","event_id":"Ev2","event":{"no_type":true}}""", Json },
        { "/slack/event", """{"type":"app_rate_limited","minute_rate_limited":1518467820}""", Json },
    };

    [Theory]
    [InlineData("/slack/event", "application/json")]
    [InlineData("/slack/action", "application/x-www-form-urlencoded")]
    [InlineData("/slack/command", "application/x-www-form-urlencoded")]
    public async Task Bodies_that_are_not_utf8_never_get_a_5xx(string path, string contentType)
    {
        var text = path == "/slack/event"
            ? """{"type":"event_callback","event_id":"Ev9","event":{"type":"reaction_added","evXXnt_ts":"1.2","text":"hXXi"}}"""
            : path == "/slack/action"
                ? "payload=" + Uri.EscapeDataString("""{"type":"block_actions","user":{"id":"U_ENG1"},"actions":[]}""").Replace("block", "bloXXck", StringComparison.Ordinal)
                : "command=%2Fstatus&text=hXXi&user_id=U_ENG1&channel_id=C_SUPPORT";
        var bytes = System.Text.Encoding.UTF8.GetBytes(text).ToList();
        for (var i = bytes.IndexOf((byte)'X'); i >= 0; i = bytes.IndexOf((byte)'X'))
            bytes[i] = 0xFF;
        var body = bytes.ToArray();
        var ts = App.Time.GetUtcNow().ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        using var client = App.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(contentType);
        request.Headers.Add("X-Slack-Request-Timestamp", ts);
        request.Headers.Add("X-Slack-Signature", SupportBot.Slack.Signing.SlackSignature.Compute(TestSettings.Secret, ts, body));

        var response = await client.SendAsync(request);

        Assert.True((int)response.StatusCode < 500, $"{path} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    [Fact]
    public async Task Oversized_bodies_get_413()
    {
        var body = "payload=" + new string('x', 300 * 1024);
        var response = await Requests.PostSignedAsync("/slack/action", body, Form);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task Oversized_bodies_without_a_length_get_413()
    {
        using var client = App.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/slack/event")
        {
            Content = new StreamContent(new MemoryStream(new byte[300 * 1024])),
        };
        request.Headers.TransferEncodingChunked = true;
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(Json);
        var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }
}
