using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace SupportBot.Discord.Rest;

/// <summary>
/// Discord's REST API (v10) for the bot: <c>Authorization: Bot &lt;token&gt;</c>, JSON both ways, and the rate
/// limits kept by <see cref="DiscordRateLimits"/>. It makes one call and says what came back; retrying is the
/// outbox's (a 429 comes back with its <see cref="DiscordResponse.RetryAfter"/> and nothing slept here).
/// </summary>
public sealed class DiscordRestClient(HttpClient http, IOptions<DiscordOptions> options, DiscordRateLimits limits)
{
    public const string HttpClientName = "discord";

    public async Task<DiscordResponse> SendAsync(HttpMethod method, string path, object? body, CancellationToken cancellationToken)
    {
        var route = DiscordRoute.Key(method, path);
        if (limits.Reserve(route) is { } wait && wait > TimeSpan.Zero)
            return new DiscordResponse((HttpStatusCode)429, null, wait);
        using var request = new HttpRequestMessage(method, new Uri(options.Value.ApiBaseUrl, path.TrimStart('/')));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bot", options.Value.BotToken);
        if (body is not null)
            request.Content = JsonContent.Create(body, options: Json);
        using var response = await http.SendAsync(request, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        var json = Parse(text);
        TimeSpan? retryAfter = (int)response.StatusCode == 429 ? RetryAfter(response, json) : null;
        limits.Learn(route, response, retryAfter);
        return new DiscordResponse(response.StatusCode, json, retryAfter);
    }

    /// <summary>A 429's pause: the body's <c>retry_after</c> (seconds, fractional), else the Retry-After header, else a second.</summary>
    private static TimeSpan RetryAfter(HttpResponseMessage response, JsonElement? json)
    {
        if (json is { ValueKind: JsonValueKind.Object } b && b.TryGetProperty("retry_after", out var s) && s.TryGetDouble(out var seconds) && seconds >= 0)
            return TimeSpan.FromSeconds(seconds);
        return response.Headers.RetryAfter?.Delta ?? DiscordRateLimits.Seconds(response.Headers.TryGetValues("Retry-After", out var v) ? v.FirstOrDefault() : null)
            ?? TimeSpan.FromSeconds(1);
    }

    private static JsonElement? Parse(string text)
    {
        if (string.IsNullOrWhiteSpace(text))
            return null;
        try
        {
            return JsonSerializer.Deserialize<JsonElement>(text);
        }
        catch (JsonException)
        {
            return null; // a proxy's HTML error page: the status says enough
        }
    }

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
    };
}
