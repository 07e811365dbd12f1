using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using SupportBot.Slack.Signing;

namespace SupportBot.Benchmarks;

/// <summary>
/// Acknowledgement latency and throughput of signed Slack requests against GET /health as the bare-server
/// baseline, at 1, 16 and 64 concurrent connections (or only <c>--connections N</c>), on LiteDB or <c>--postgres</c>.
/// </summary>
public static class HttpBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var seconds = args.Length > 1 && int.TryParse(args[1], CultureInfo.InvariantCulture, out var s) ? s : 5;
        var duration = TimeSpan.FromSeconds(seconds);
        var options = new BenchArgs(args);
        var postgres = options.Postgres;
        var ts = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var status = Signed($"command=%2Fstatus&text=&user_id={BenchApp.Engineer}&channel_id=C_SUPPORT&team_id=T1", ts);
        var levels = options.Text("connections") is null ? new[] { 1, 16, 64 } : [options.Int("connections", 64)];
        var results = new List<LoadResult>();
        // commands against a store with history (10,000 tickets), the health baseline on the same server
        using (var app = new BenchApp(postgresServer: postgres))
        {
            var baseAddress = app.Start(tickets: 10_000);
            foreach (var connections in levels)
            {
                var health = await LoadRun.RunAsync("GET /health", connections, duration, async c =>
                {
                    using var r = await c.GetAsync(new Uri("/health", UriKind.Relative));
                    return r.IsSuccessStatusCode;
                }, baseAddress);
                var command = await LoadRun.RunAsync("signed /status", connections, duration, c => PostAsync(c, "/slack/command", status, ts), baseAddress);
                results.AddRange([health, command]);
                Console.WriteLine($"  {connections,2} connections: command/health throughput = {command.RequestsPerSecond / health.RequestsPerSecond:P0}");
            }
        }
        // submissions on their own server: each one adds a ticket, which would skew the command runs
        using (var app = new BenchApp(postgresServer: postgres))
        {
            var baseAddress = app.Start();
            var counter = 0;
            foreach (var connections in levels)
            {
                results.Add(await LoadRun.RunAsync("view_submission", connections, duration, c =>
                    PostAsync(c, "/slack/action", Signed(Submission(Interlocked.Increment(ref counter)), ts), ts), baseAddress));
            }
        }
        Report.Table($"HTTP acknowledgement (in-process Kestrel on loopback, {(postgres is null ? "real LiteDB file" : "PostgreSQL")})", results);
        return 0;
    }

    internal static async Task<bool> PostAsync(HttpClient client, string path, (string Body, string Signature) signed, string ts)
    {
        using var content = new StringContent(signed.Body, Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/x-www-form-urlencoded");
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = content };
        request.Headers.Add("X-Slack-Request-Timestamp", ts);
        request.Headers.Add("X-Slack-Signature", signed.Signature);
        using var response = await client.SendAsync(request);
        return response.IsSuccessStatusCode;
    }

    internal static (string Body, string Signature) Signed(string body, string ts) =>
        (body, SlackSignature.Compute(BenchApp.Secret, ts, Encoding.UTF8.GetBytes(body)));

    internal static string Submission(int n)
    {
        var context = $"{{\"ChannelId\":\"{BenchApp.CustomerChannel}\",\"ThreadTs\":null,\"Source\":0}}";
        JsonObject Value(string v) => new() { ["value"] = new JsonObject { ["type"] = "plain_text_input", ["value"] = v } };
        var payload = new JsonObject
        {
            ["type"] = "view_submission",
            ["user"] = new JsonObject { ["id"] = "U_CUST1", ["name"] = "cust" },
            ["view"] = new JsonObject
            {
                // one view id per submission: the bot keys submissions on it, so a repeated id is a duplicate, not a ticket
                ["id"] = $"V{n}", ["callback_id"] = "support_request", ["private_metadata"] = context,
                ["state"] = new JsonObject
                {
                    ["values"] = new JsonObject
                    {
                        ["subject"] = Value($"Benchmark request {n}"),
                        ["description"] = Value("Load test"),
                        ["priority"] = new JsonObject { ["value"] = new JsonObject { ["type"] = "static_select", ["selected_option"] = new JsonObject { ["value"] = "Normal" } } },
                    },
                },
            },
        };
        return "payload=" + Uri.EscapeDataString(payload.ToJsonString());
    }
}
