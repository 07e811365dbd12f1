using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using SupportBot.Tests.Infrastructure;

namespace SupportBot.Tests.Intake;

/// <summary>Signs and posts webhook deliveries the way each sender does.</summary>
public sealed class IntakeRequests(SupportBotApp app)
{
    public const string GitHubSecret = "gh-test-secret";
    public const string OpsGenieToken = "og-test-token";
    public const string HubSpotSecret = "hs-test-secret";
    public static readonly byte[] NpsKey = Encoding.UTF8.GetBytes("nps-test-key-0123456789abcdef");

    public static Dictionary<string, string?> Settings() => new()
    {
        ["Intake:GitHub:Secret"] = GitHubSecret,
        ["Intake:GitHub:Labels:0"] = "support",
        ["Intake:OpsGenie:Token"] = OpsGenieToken,
        ["Intake:OpsGenie:Notify"] = "S_ONCALL",
        ["Intake:HubSpot:Secret"] = HubSpotSecret,
        ["Intake:Webhooks:nps:Secret"] = "whsec_" + Convert.ToBase64String(NpsKey),
    };

    public Task<HttpResponseMessage> GitHubAsync(string @event, object payload, string? delivery = null, string secret = GitHubSecret)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(payload);
        var request = Json(HttpMethod.Post, "/intake/github", body);
        request.Headers.Add("X-GitHub-Event", @event);
        request.Headers.Add("X-GitHub-Delivery", delivery ?? Guid.NewGuid().ToString());
        request.Headers.Add("X-Hub-Signature-256", "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body)));
        return app.CreateClient().SendAsync(request);
    }

    public Task<HttpResponseMessage> OpsGenieAsync(string action, string alertId, string message = "search is down", string? note = null,
        string token = OpsGenieToken, long updatedAt = 1)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(new
        {
            action,
            alert = new { alertId, message, description = "Synthetic check failed", priority = "P1", username = "ops", note, updatedAt },
        });
        var request = Json(HttpMethod.Post, "/intake/opsgenie", body);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return app.CreateClient().SendAsync(request);
    }

    public Task<HttpResponseMessage> HubSpotAsync(object form, string secret = HubSpotSecret, DateTimeOffset? at = null)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(form);
        var ts = (at ?? app.Time.GetUtcNow()).ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
        var client = app.CreateClient();
        var uri = new Uri(client.BaseAddress!, "/intake/hubspot").ToString();
        var signed = Encoding.UTF8.GetBytes("POST" + uri).Concat(body).Concat(Encoding.UTF8.GetBytes(ts)).ToArray();
        var request = Json(HttpMethod.Post, "/intake/hubspot", body);
        request.Headers.Add("X-HubSpot-Signature-v3", Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), signed)));
        request.Headers.Add("X-HubSpot-Request-Timestamp", ts);
        return client.SendAsync(request);
    }

    public Task<HttpResponseMessage> StandardAsync(string name, object payload, string? id = null, DateTimeOffset? at = null, byte[]? key = null) =>
        StandardRawAsync(name, JsonSerializer.SerializeToUtf8Bytes(payload), id, at, key);

    public Task<HttpResponseMessage> StandardRawAsync(string name, byte[] body, string? id = null, DateTimeOffset? at = null, byte[]? key = null)
    {
        id ??= "msg_" + Guid.NewGuid().ToString("N");
        var ts = (at ?? app.Time.GetUtcNow()).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var signed = Encoding.UTF8.GetBytes($"{id}.{ts}.").Concat(body).ToArray();
        var request = Json(HttpMethod.Post, $"/intake/webhook/{name}", body);
        request.Headers.Add("webhook-id", id);
        request.Headers.Add("webhook-timestamp", ts);
        request.Headers.Add("webhook-signature", "v1," + Convert.ToBase64String(HMACSHA256.HashData(key ?? NpsKey, signed)));
        return app.CreateClient().SendAsync(request);
    }

    private static HttpRequestMessage Json(HttpMethod method, string path, byte[] body)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return new HttpRequestMessage(method, path) { Content = content };
    }
}
