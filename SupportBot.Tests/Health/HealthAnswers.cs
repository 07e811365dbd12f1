using System.Net;
using System.Text.Json.Nodes;
using SupportBot.Tests.Infrastructure;

namespace SupportBot.Tests.Health;

/// <summary>/health and /health/ready as a monitor or a load balancer asks them: the status code and the JSON.</summary>
public static class HealthAnswers
{
    public static async Task<(HttpStatusCode Status, JsonNode Body)> HealthAsync(this SupportBotApp app, string path = "/health")
    {
        using var client = app.CreateClient();
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        return (response.StatusCode, JsonNode.Parse(await response.Content.ReadAsStringAsync())!);
    }

    public static string Status(this JsonNode body, string check) => body["checks"]![check]!["status"]!.GetValue<string>();

    public static string Description(this JsonNode body, string check) => body["checks"]![check]!["description"]!.GetValue<string>();

    /// <summary>The check's "since", or null when it has none.</summary>
    public static DateTimeOffset? Since(this JsonNode body, string check) =>
        body["checks"]![check]!["since"] is { } since ? DateTimeOffset.Parse(since.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture) : null;

    /// <summary>Asks until <paramref name="check"/> reports <paramref name="status"/> (background services answer in their own time).</summary>
    public static async Task<JsonNode> HealthWhenAsync(this SupportBotApp app, string check, string status)
    {
        var deadline = Environment.TickCount64 + Eventually.PatienceMs;
        while (true)
        {
            var (_, body) = await app.HealthAsync();
            if (body.Status(check) == status || Environment.TickCount64 > deadline)
                return body;
            await Task.Delay(20);
        }
    }
}
