using System.Net;
using SupportBot.Tests.Infrastructure;

namespace SupportBot.Tests.Slack;

/// <summary>Every request URL refuses what Slack did not sign, before reading it.</summary>
public sealed class RequestVerificationTests(SharedApp shared) : IClassFixture<SharedApp>
{
    private SupportBotApp App => shared.App;

    private SlackRequests Requests => App.Requests;

    private FakeSlackApi Slack => App.Slack;

    public static TheoryData<string, string, string> Endpoints => new()
    {
        { "/slack/command", "command=%2Fstatus&text=&user_id=U_ENG1&channel_id=C_SUPPORT", "application/x-www-form-urlencoded" },
        { "/slack/action", "payload=" + Uri.EscapeDataString("""{"type":"block_actions","user":{"id":"U_ENG1"},"actions":[]}"""), "application/x-www-form-urlencoded" },
        { "/slack/event", """{"type":"url_verification","challenge":"abc"}""", "application/json" },
        { "/slack/options", "payload=" + Uri.EscapeDataString("""{"type":"block_suggestion","user":{"id":"U_ENG1"}}"""), "application/x-www-form-urlencoded" },
    };

    private long Now => App.Time.GetUtcNow().ToUnixTimeSeconds();

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task Correctly_signed_requests_are_accepted(string path, string body, string contentType)
    {
        var response = await Requests.PostSignedAsync(path, body, contentType);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task Unsigned_requests_are_refused(string path, string body, string contentType)
    {
        using var client = App.CreateClient();
        using var content = new StringContent(body, System.Text.Encoding.UTF8, contentType);
        var response = await client.PostAsync(path, content);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task Stale_requests_are_refused(string path, string body, string contentType)
    {
        var response = await Requests.PostSignedAsync(path, body, contentType, timestamp: Now - 360);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task Requests_from_the_future_are_refused(string path, string body, string contentType)
    {
        var response = await Requests.PostSignedAsync(path, body, contentType, timestamp: Now + 360);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task Requests_signed_with_another_secret_are_refused(string path, string body, string contentType)
    {
        var response = await Requests.PostSignedAsync(path, body, contentType, secretOverride: "0123456789abcdef0123456789abcdef");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task Requests_whose_body_was_changed_after_signing_are_refused(string path, string body, string contentType)
    {
        var ts = Now.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var signature = SupportBot.Slack.Signing.SlackSignature.Compute(TestSettings.Secret, ts, System.Text.Encoding.UTF8.GetBytes(body));
        using var client = App.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, path)
        {
            Content = new StringContent(body + " ", System.Text.Encoding.UTF8, contentType),
        };
        request.Headers.Add("X-Slack-Request-Timestamp", ts);
        request.Headers.Add("X-Slack-Signature", signature);
        var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task A_refused_command_changes_nothing()
    {
        var body = SlackRequests.Form(new() { ["command"] = "/status", ["text"] = "setup", ["user_id"] = TestSettings.Engineer, ["channel_id"] = TestSettings.CustomerChannel });
        var response = await Requests.PostSignedAsync("/slack/command", body, "application/x-www-form-urlencoded", timestamp: Now - 3600);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(0, App.Get<SupportBot.Outbox.OutboxStore>().CountPending());
        Assert.Empty(Slack.Find("chat.postMessage"));
    }
}
