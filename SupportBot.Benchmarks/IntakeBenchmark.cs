using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;

namespace SupportBot.Benchmarks;

/// <summary>
/// Webhook acknowledgement latency: signed Standard Webhooks deliveries and OpsGenie alerts, each a new ticket
/// committed before the 2xx, at 1 and 16 concurrent connections.
/// </summary>
public static class IntakeBenchmark
{
    private static readonly byte[] Key = Encoding.UTF8.GetBytes("bench-webhook-key-0123456789abcd");
    private const string OpsGenieToken = "bench-opsgenie-token";

    public static async Task<int> RunAsync(string[] args)
    {
        var seconds = args.Length > 1 && int.TryParse(args[1], CultureInfo.InvariantCulture, out var s) ? s : 5;
        var duration = TimeSpan.FromSeconds(seconds);
        var results = new List<LoadResult>();
        using var app = new BenchApp(new()
        {
            ["Intake:Webhooks:nps:Secret"] = "whsec_" + Convert.ToBase64String(Key),
            ["Intake:OpsGenie:Token"] = OpsGenieToken,
        });
        var baseAddress = app.Start();
        var counter = 0;
        foreach (var connections in new[] { 1, 16 })
        {
            results.Add(await LoadRun.RunAsync("standard webhook", connections, duration,
                c => StandardAsync(c, Interlocked.Increment(ref counter)), baseAddress));
            results.Add(await LoadRun.RunAsync("opsgenie Create", connections, duration,
                c => OpsGenieAsync(c, Interlocked.Increment(ref counter)), baseAddress));
        }
        Report.Table("Webhook acknowledgement, each delivery a new ticket (in-process Kestrel on loopback, real LiteDB file)", results);
        return 0;
    }

    private static async Task<bool> StandardAsync(HttpClient client, int n)
    {
        var body = Encoding.UTF8.GetBytes($"{{\"subject\":\"NPS {n}\",\"description\":\"Score 7\",\"email\":\"u{n}@bench.example\",\"name\":\"User {n}\"}}");
        var id = $"msg_{n}";
        var ts = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var signature = Convert.ToBase64String(HMACSHA256.HashData(Key, Encoding.UTF8.GetBytes($"{id}.{ts}.").Concat(body).ToArray()));
        using var request = Json("/intake/webhook/nps", body);
        request.Headers.Add("webhook-id", id);
        request.Headers.Add("webhook-timestamp", ts);
        request.Headers.Add("webhook-signature", "v1," + signature);
        using var response = await client.SendAsync(request);
        return response.IsSuccessStatusCode;
    }

    private static async Task<bool> OpsGenieAsync(HttpClient client, int n)
    {
        var body = Encoding.UTF8.GetBytes($"{{\"action\":\"Create\",\"alert\":{{\"alertId\":\"bench-{n}\",\"message\":\"Alert {n}\",\"priority\":\"P1\"}}}}");
        using var request = Json("/intake/opsgenie", body);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", OpsGenieToken);
        using var response = await client.SendAsync(request);
        return response.IsSuccessStatusCode;
    }

    private static HttpRequestMessage Json(string path, byte[] body)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return new HttpRequestMessage(HttpMethod.Post, path) { Content = content };
    }
}
