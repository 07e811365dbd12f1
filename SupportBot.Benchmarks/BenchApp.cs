using System.Net;
using System.Text;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using SupportBot.LiteDb;
using SupportBot.Slack.Api;

namespace SupportBot.Benchmarks;

/// <summary>
/// The real app on Kestrel (loopback), a real LiteDB file (or a database of its own on the <c>--postgres</c> server),
/// and a Slack Web API that always answers ok.
/// </summary>
public sealed class BenchApp : WebApplicationFactory<Program>
{
    public const string Secret = "8f742231b10e8888abcd99fffeee85a5";
    public const string Engineer = "U_BENCH";
    public const string CustomerChannel = "C_ACME";

    private readonly Dictionary<string, string> _extra;
    private readonly BenchDatabase? _postgres;

    public BenchApp(Dictionary<string, string>? settings = null, string? postgresServer = null)
    {
        _extra = settings ?? [];
        _postgres = postgresServer is null ? null : BenchDatabase.Create(postgresServer);
        if (_postgres is not null)
            _extra["ConnectionStrings:Postgres"] = _postgres.ConnectionString;
        // the factory looks for the app's source folder to use as content root; a published benchmark has none
        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_SUPPORTBOT", AppContext.BaseDirectory);
    }

    public string DbPath { get; } = Path.Combine(Path.GetTempPath(), $"supportbot-bench-{Guid.NewGuid():N}.db");

    /// <summary>Starts Kestrel on a free loopback port, after storing <paramref name="tickets"/> tickets of history (1% due).</summary>
    public Uri Start(int tickets = 0)
    {
        if (tickets > 0 && _postgres is not null)
        {
            PostgresFill.Tickets(_postgres.ConnectionString, SweepData.Tickets(tickets, tickets / 100, DateTime.UtcNow));
            _postgres.Execute($$"""
                update tickets set doc = jsonb_set(doc, '{AssigneeId}', '"{{Engineer}}"')
                where number in (select number from tickets where status = 'Open' and doc->>'AssigneeId' is not null order by number limit 10)
                """);
        }
        else if (tickets > 0)
        {
            SweepData.Fill(DbPath, tickets, tickets / 100, DateTime.UtcNow);
            GiveOpenTickets(Engineer, 10);
        }
        UseKestrel(0);
        StartServer();
        return ClientOptions.BaseAddress;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        var settings = new Dictionary<string, string>
        {
            ["Slack:BotToken"] = "xoxb-bench", ["Slack:SigningSecret"] = Secret,
            ["Slack:ApiBaseUrl"] = "http://slack.bench/api/", ["Slack:SupportChannel"] = "C_SUPPORT",
            ["Slack:SupportTeam:0"] = Engineer, ["ConnectionStrings:LiteDb"] = $"Filename={DbPath}",
            ["Customers:0:Name"] = "Acme Corp", ["Customers:0:Channels:0"] = CustomerChannel,
            ["Customers:0:Tier"] = "Enterprise", ["Customers:0:Ce"] = "U_CE1",
            ["Logging:LogLevel:Default"] = "Warning",
            // the benchmark sends /status, the design's name: without this it measured the "unknown command" answer
            ["Slack:Commands:Status"] = "/status",
            // the dashboard's one-off load of every ticket at start, done before the warm-up ends instead of 10 s in,
            // in the middle of a measured run
            ["Dashboard:WarmUpDelay"] = "00:00:00",
        };
        foreach (var (k, v) in settings.Concat(_extra))
            builder.UseSetting(k, v);
        builder.ConfigureTestServices(services =>
            services.AddHttpClient<SlackApiClient>().ConfigurePrimaryHttpMessageHandler(() => new OkSlack()));
    }

    /// <summary>The measured engineer holds a realistic handful of open tickets.</summary>
    private void GiveOpenTickets(string engineer, int count)
    {
        using var db = new LiteDB.LiteDatabase($"Filename={DbPath}", SupportBot.LiteDb.LiteDbFactory.CreateMapper());
        var tickets = db.GetCollection<SupportBot.Tickets.Ticket>(SupportBot.LiteDb.LiteTicketRows.Collection);
        foreach (var t in tickets.Find(t => t.Status == SupportBot.Tickets.TicketStatus.Open && t.AssigneeId != null).Take(count).ToList())
        {
            t.AssigneeId = engineer;
            tickets.Update(t);
        }
    }

    /// <summary>Stops the app, then removes its database files.</summary>
    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        _postgres?.Dispose();
        foreach (var f in new[] { DbPath, Path.ChangeExtension(DbPath, null) + "-log.db" })
            File.Delete(f);
    }

    /// <summary>Slack that says yes at once, so the benchmark measures the bot, not the fake.</summary>
    private sealed class OkSlack : HttpMessageHandler
    {
        private long _ts = 1_700_000_000;

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK)
            {
                Content = new StringContent($"{{\"ok\":true,\"ts\":\"{Interlocked.Increment(ref _ts)}.000100\"}}", Encoding.UTF8, "application/json"),
            });
    }
}
