using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using SupportBot.Slack;
using SupportBot.Slack.Api;
using SupportBot.Tests.Infrastructure;

namespace SupportBot.Tests.Slack;

/// <summary>The Web API client over the fake Slack: envelope, token, rate limits and failures.</summary>
public sealed class SlackApiClientTests : IDisposable
{
    private readonly FakeSlackApi _slack = new();
    private readonly HttpClient _http;
    private readonly SlackApiClient _client;

    public SlackApiClientTests()
    {
        _http = new HttpClient(_slack, disposeHandler: false) { BaseAddress = new Uri("https://slack.test/api/") };
        _client = new SlackApiClient(_http, Options.Create(new SlackOptions { BotToken = "xoxb-secret" }));
    }

    public void Dispose()
    {
        _http.Dispose();
        _slack.Dispose();
    }

    private static JsonObject Hello => new() { ["channel"] = "C1", ["text"] = "hello" };

    [Fact]
    public async Task Calls_send_the_bearer_token_and_a_json_body()
    {
        var answer = await _client.CallAsync("chat.postMessage", Hello, CancellationToken.None);

        var call = Assert.Single(_slack.Calls);
        Assert.Equal("Bearer xoxb-secret", call.Authorization);
        Assert.Equal("https://slack.test/api/chat.postMessage", call.Url);
        Assert.Equal("hello", call.Args["text"]!.GetValue<string>());
        Assert.Equal(call.AnswerTs, answer.GetProperty("ts").GetString());
    }

    [Fact]
    public async Task Ok_false_becomes_a_SlackApiException_with_slacks_error()
    {
        _slack.FailWithError("chat.postMessage", "channel_not_found");

        var e = await Assert.ThrowsAsync<SlackApiException>(() => _client.CallAsync("chat.postMessage", Hello, CancellationToken.None));

        Assert.Equal("channel_not_found", e.Error);
        Assert.Equal("chat.postMessage", e.Method);
        Assert.False(e.Transient);
        Assert.Null(e.RetryAfter);
    }

    [Theory]
    [InlineData("ratelimited")]
    [InlineData("internal_error")]
    [InlineData("service_unavailable")]
    public async Task Slacks_own_temporary_errors_are_transient(string error)
    {
        _slack.FailWithError("chat.update", error);
        var e = await Assert.ThrowsAsync<SlackApiException>(() => _client.CallAsync("chat.update", Hello, CancellationToken.None));
        Assert.True(e.Transient);
    }

    [Fact]
    public async Task Http_429_carries_retry_after()
    {
        _slack.Fail("chat.postMessage", HttpStatusCode.TooManyRequests, retryAfterSeconds: 17);

        var e = await Assert.ThrowsAsync<SlackApiException>(() => _client.CallAsync("chat.postMessage", Hello, CancellationToken.None));

        Assert.True(e.Transient);
        Assert.Equal(TimeSpan.FromSeconds(17), e.RetryAfter);
    }

    [Theory]
    [InlineData(HttpStatusCode.InternalServerError)]
    [InlineData(HttpStatusCode.BadGateway)]
    [InlineData(HttpStatusCode.ServiceUnavailable)]
    public async Task Http_5xx_is_transient(HttpStatusCode status)
    {
        _slack.Fail("views.open", status);

        var e = await Assert.ThrowsAsync<SlackApiException>(() => _client.CallAsync("views.open", "{}", CancellationToken.None));

        Assert.True(e.Transient);
        Assert.Contains(((int)status).ToString(System.Globalization.CultureInfo.InvariantCulture), e.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Other_http_errors_are_permanent()
    {
        _slack.Fail("chat.postMessage", HttpStatusCode.NotFound);
        var e = await Assert.ThrowsAsync<SlackApiException>(() => _client.CallAsync("chat.postMessage", Hello, CancellationToken.None));
        Assert.False(e.Transient);
    }

    [Fact]
    public async Task A_connection_failure_is_transient()
    {
        _slack.Unreachable("chat.postMessage");

        var e = await Assert.ThrowsAsync<SlackApiException>(() => _client.CallAsync("chat.postMessage", Hello, CancellationToken.None));

        Assert.True(e.Transient);
        Assert.IsType<HttpRequestException>(e.InnerException);
    }

    [Fact]
    public async Task Response_urls_get_the_message_but_never_the_token()
    {
        await _client.PostToResponseUrlAsync("https://hooks.slack.test/commands/T1/1/abc", """{"text":"done","response_type":"ephemeral"}""", CancellationToken.None);

        var call = Assert.Single(_slack.Calls);
        Assert.Equal("response_url", call.Method);
        Assert.Equal("https://hooks.slack.test/commands/T1/1/abc", call.Url);
        Assert.Null(call.Authorization);
        Assert.Equal("done", call.Args["text"]!.GetValue<string>());
    }

    [Fact]
    public async Task Auth_test_reads_the_bots_ids()
    {
        var (user, bot) = await _client.AuthTestAsync(CancellationToken.None);
        Assert.Equal(("UBOT", "BBOT"), (user, bot));
    }
}
