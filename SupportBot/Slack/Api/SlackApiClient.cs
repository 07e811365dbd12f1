using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using SupportBot.Metrics;

namespace SupportBot.Slack.Api;

/// <summary>
/// Slack's Web API over HTTP: JSON bodies, bearer token (set on the HttpClient by <c>AddSlack</c>), and the
/// <c>{ok, error}</c> envelope read into <see cref="SlackApiException"/>. It does not retry: the outbox does,
/// with its state committed, so a retry survives a restart.
/// </summary>
public sealed class SlackApiClient(HttpClient http, IOptions<SlackOptions> options, SlackAuthState? auth = null, SupportBotMetrics? metrics = null,
    SlackReachability? reachability = null)
{
    public async Task<JsonElement> CallAsync(string method, string jsonArgs, CancellationToken cancellationToken)
    {
        using var content = new StringContent(jsonArgs, Encoding.UTF8, "application/json");
        return await Measured(method, async () => Checked(method, await SendAsync(method, new Uri(method, UriKind.Relative), content, cancellationToken)));
    }

    /// <summary>
    /// <c>apps.connections.open</c> with the app-level token: the WebSocket URL of a fresh Socket Mode connection.
    /// </summary>
    public async Task<Uri> OpenConnectionAsync(CancellationToken cancellationToken)
    {
        const string method = "apps.connections.open";
        using var content = new StringContent("{}", Encoding.UTF8, "application/json");
        var answer = Checked(method, await SendAsync(method, new Uri(method, UriKind.Relative), content, cancellationToken,
            options.Value.AppToken), SlackAuthState.AppToken);
        return answer.TryGetProperty("url", out var url) && Uri.TryCreate(url.GetString(), UriKind.Absolute, out var uri)
            ? uri
            : throw new SlackApiException(method, "no_url", transient: true);
    }

    /// <summary>Read methods (conversations.history, usergroups.users.list) take form arguments; Slack reads JSON bodies for write methods only.</summary>
    public async Task<JsonElement> CallFormAsync(string method, IEnumerable<KeyValuePair<string, string>> args, CancellationToken cancellationToken)
    {
        using var content = new FormUrlEncodedContent(args);
        return await Measured(method, async () => Checked(method, await SendAsync(method, new Uri(method, UriKind.Relative), content, cancellationToken)));
    }

    /// <summary>Counts the call by method and outcome (<c>ok</c> or Slack's error) and records its latency.</summary>
    private async Task<JsonElement> Measured(string method, Func<Task<JsonElement>> call)
    {
        var started = Stopwatch.GetTimestamp();
        var outcome = "ok";
        try
        {
            return await call();
        }
        catch (SlackApiException e)
        {
            outcome = e.Error;
            throw;
        }
        finally
        {
            metrics?.SlackCall(method, outcome, Stopwatch.GetElapsedTime(started));
        }
    }

    private JsonElement Checked(string method, JsonElement answer, string token = SlackAuthState.BotToken)
    {
        if (answer.TryGetProperty("ok", out var ok) && ok.ValueKind == JsonValueKind.True)
        {
            auth?.Answered(token, method, null);
            return answer;
        }
        var error = answer.TryGetProperty("error", out var e) && e.ValueKind == JsonValueKind.String ? e.GetString()! : "unknown_error";
        auth?.Answered(token, method, error);
        throw new SlackApiException(method, error, SlackApiException.IsTransientError(error));
    }

    public Task<JsonElement> CallAsync(string method, JsonObject args, CancellationToken cancellationToken) =>
        CallAsync(method, args.ToJsonString(), cancellationToken);

    /// <summary>Posts a message to an interaction's <c>response_url</c> (no token: the URL is the credential).</summary>
    public async Task PostToResponseUrlAsync(string responseUrl, string json, CancellationToken cancellationToken)
    {
        using var content = new StringContent(json, Encoding.UTF8, "application/json");
        var request = new HttpRequestMessage(HttpMethod.Post, responseUrl) { Content = content };
        await Measured("response_url", () => SendAsync("response_url", request, cancellationToken));
    }

    /// <summary>
    /// <c>api.test</c> without a token: whether Slack answers at all, for <see cref="SlackReachabilityProbe"/>. It
    /// says nothing about the tokens, so it leaves <see cref="SlackAuthState"/> alone.
    /// </summary>
    public async Task PingAsync(CancellationToken cancellationToken)
    {
        const string method = "api.test";
        using var content = new StringContent("{}", Encoding.UTF8, "application/json");
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(method, UriKind.Relative)) { Content = content };
        await Measured(method, () => SendAsync(method, request, cancellationToken));
    }

    /// <summary>The bot's own user and bot ids.</summary>
    public async Task<(string UserId, string? BotId)> AuthTestAsync(CancellationToken cancellationToken)
    {
        var answer = await CallAsync("auth.test", "{}", cancellationToken);
        return (answer.GetProperty("user_id").GetString() ?? "", answer.TryGetProperty("bot_id", out var b) ? b.GetString() : null);
    }

    private Task<JsonElement> SendAsync(string method, Uri uri, HttpContent content, CancellationToken cancellationToken,
        string? token = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, uri) { Content = content };
        // per request rather than on the client, so response URLs never receive the token
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token ?? options.Value.BotToken);
        return SendAsync(method, request, cancellationToken);
    }

    private async Task<JsonElement> SendAsync(string method, HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using (request)
        {
            HttpResponseMessage response;
            try
            {
                response = await http.SendAsync(request, cancellationToken);
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
            {
                var unreachable = new SlackApiException(method, SlackApiException.Unreachable + ": " + e.GetType().Name, transient: true, inner: e);
                reachability?.Failed(method, $"{unreachable.Error} ({e.Message})");
                throw unreachable;
            }
            using (response)
            {
                if ((int)response.StatusCode >= 500)
                {
                    reachability?.Failed(method, $"http_{(int)response.StatusCode}");
                    throw new SlackApiException(method, $"http_{(int)response.StatusCode}", true);
                }
                if (response.StatusCode == HttpStatusCode.TooManyRequests)
                {
                    reachability?.Answered(); // busy, not gone
                    throw new SlackApiException(method, "ratelimited", true, RetryAfter(response.Headers));
                }
                if (!response.IsSuccessStatusCode)
                {
                    reachability?.Answered();
                    throw new SlackApiException(method, $"http_{(int)response.StatusCode}", false);
                }
                var body = await response.Content.ReadAsStringAsync(cancellationToken);
                try
                {
                    var answer = string.IsNullOrWhiteSpace(body) || body.TrimStart()[0] != '{'
                        ? JsonDocument.Parse("{\"ok\":true}").RootElement.Clone()
                        : JsonDocument.Parse(body).RootElement.Clone();
                    reachability?.Answered();
                    return answer;
                }
                catch (JsonException)
                {
                    reachability?.Failed(method, SlackApiException.InvalidResponse);
                    throw new SlackApiException(method, SlackApiException.InvalidResponse, true);
                }
            }
        }
    }

    private static TimeSpan RetryAfter(HttpResponseHeaders headers)
    {
        if (headers.RetryAfter?.Delta is { } delta)
            return delta;
        if (headers.TryGetValues("Retry-After", out var values)
            && int.TryParse(values.FirstOrDefault(), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
            return TimeSpan.FromSeconds(seconds);
        return TimeSpan.FromSeconds(1);
    }
}
