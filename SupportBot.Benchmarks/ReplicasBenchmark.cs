using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace SupportBot.Benchmarks;

/// <summary>
/// Form submissions per second through real app processes: one on a LiteDB file, or <c>--replicas N</c> on one
/// PostgreSQL database (<c>--postgres</c>) with the load generator dealing its connections out among them, as a load
/// balancer would. Slack is a loopback server that answers ok, so the outbox delivers as it would in production.
/// </summary>
public static class ReplicasBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var options = new BenchArgs(args);
        int replicas = options.Int("replicas", 1), connections = options.Int("connections", 64), seconds = options.Int("seconds", 5);
        var postgres = options.Postgres;
        if (postgres is null && replicas > 1)
        {
            Console.Error.WriteLine("LiteDB is one process's file: more than one replica needs --postgres <server>.");
            return 1;
        }
        var results = await MeasureAsync(replicas, [connections], TimeSpan.FromSeconds(seconds), postgres);
        Report.Table($"Form submissions through {replicas} app process(es) on {(postgres is null ? "a LiteDB file" : "one PostgreSQL database")}", results);
        return 0;
    }

    /// <summary>
    /// Starts <paramref name="replicas"/> app processes (on a fresh database of <paramref name="postgres"/>, or one
    /// LiteDB file) and loads them with form submissions at each of <paramref name="connections"/> in turn.
    /// </summary>
    public static async Task<List<LoadResult>> MeasureAsync(int replicas, IReadOnlyList<int> connections, TimeSpan duration, string? postgres,
        string? name = null)
    {
        await using var slack = await OkSlackAsync();
        using var database = postgres is null ? null : BenchDatabase.Create(postgres);
        var folder = Directory.CreateTempSubdirectory("supportbot-bench-").FullName;
        var apps = new List<BenchProcess>();
        try
        {
            // one after the other: the first applies the migrations. Each in a folder of its own, as on its own machine:
            // the database is shared, what lives beside the LiteDB path (the search index) is not
            foreach (var i in Enumerable.Range(0, replicas))
                apps.Add(await BenchProcess.StartAsync(Settings(slack.Address, database?.ConnectionString,
                    Path.Combine(Directory.CreateDirectory(Path.Combine(folder, $"replica{i}")).FullName, "supportbot.db"))));
            var ts = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
            var counter = 0;
            var results = new List<LoadResult>();
            foreach (var level in connections)
                results.Add(await LoadRun.RunAsync(name ?? $"view_submission ×{replicas}", level, duration, c =>
                    HttpBenchmark.PostAsync(c, "/slack/action", HttpBenchmark.Signed(HttpBenchmark.Submission(Interlocked.Increment(ref counter)), ts), ts),
                    [.. apps.Select(a => a.BaseAddress)]));
            return results;
        }
        finally
        {
            apps.ForEach(a => a.Dispose());
            Directory.Delete(folder, recursive: true);
        }
    }

    private static Dictionary<string, string> Settings(string slackApi, string? postgres, string file)
    {
        var settings = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production", ["DOTNET_NOLOGO"] = "1",
            ["Slack__BotToken"] = "xoxb-bench", ["Slack__SigningSecret"] = BenchApp.Secret, ["Slack__ApiBaseUrl"] = slackApi,
            ["Slack__SupportChannel"] = "C_SUPPORT", ["Slack__SupportTeam__0"] = BenchApp.Engineer,
            ["Customers__0__Name"] = "Acme Corp", ["Customers__0__Channels__0"] = BenchApp.CustomerChannel,
            ["Customers__0__Tier"] = "Enterprise", ["Customers__0__Ce"] = "U_CE1",
            ["ConnectionStrings__LiteDb"] = $"Filename={file}",
            ["SLACK_BOT_TOKEN"] = "", ["SLACK_SIGNING_SECRET"] = "",
        };
        if (postgres is not null)
            settings["ConnectionStrings__Postgres"] = postgres;
        return settings;
    }

    /// <summary>A Slack Web API on loopback that says ok to every call at once.</summary>
    private static async Task<OkSlack> OkSlackAsync()
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = Path.GetTempPath() });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var server = builder.Build();
        long ts = 1_700_000_000;
        server.MapPost("/api/{method}", (string method) => Results.Text(new JsonObject
        {
            ["ok"] = true, ["ts"] = $"{Interlocked.Increment(ref ts)}.000100", ["channel"] = "C_SUPPORT",
            ["user_id"] = "UBOT", ["bot_id"] = "BBOT", ["messages"] = new JsonArray(),
        }.ToJsonString(), "application/json"));
        await server.StartAsync();
        return new OkSlack(server, server.Urls.First().TrimEnd('/') + "/api/");
    }

    private sealed record OkSlack(WebApplication Server, string Address) : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => Server.DisposeAsync();
    }
}
