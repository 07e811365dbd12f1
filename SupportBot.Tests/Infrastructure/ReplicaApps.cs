using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace SupportBot.Tests.Infrastructure;

/// <summary>
/// Replicas of the real app on one fresh PostgreSQL database: each a <see cref="SupportBotApp"/> of its own (its own
/// pools, workers, fake Slack and clock), as two processes behind a load balancer would be.
/// </summary>
public sealed class ReplicaApps : IDisposable
{
    private readonly Action<IServiceCollection>? _services;

    public ReplicaApps(PostgresServer server, int count = 2, Dictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null)
    {
        _services = services;
        Connection = server.NewDatabase();
        Apps = [.. Enumerable.Range(0, count).Select(_ => Start(settings))];
    }

    public string Connection { get; }

    /// <summary>One clock for all: replicas' clocks agree (NTP), and a message queued on one is due on the other.</summary>
    public FakeTimeProvider Time { get; } = new(DateTimeOffset.UtcNow);

    public SupportBotApp[] Apps { get; }

    public SupportBotApp this[int replica] => Apps[replica];

    /// <summary>Every replica's Slack calls of <paramref name="method"/>, in the order they were made.</summary>
    public List<SlackCall> Calls(string method) => [.. Apps.SelectMany(a => a.Slack.Find(method)).OrderBy(c => c.At)];

    private SupportBotApp Start(Dictionary<string, string?>? settings)
    {
        // the replicas' own parts are under test here, not the clustered scheduler (Replicas/… and Scheduling/… test that)
        var all = new Dictionary<string, string?> { ["ConnectionStrings:Postgres"] = Connection, ["Scheduling:Enabled"] = "false" };
        foreach (var (key, value) in settings ?? [])
            all[key] = value;
        var app = new SupportBotApp(all, time: Time, services: _services);
        _ = app.Services; // one at a time: the first applies the schema
        return app;
    }

    public void Dispose()
    {
        foreach (var app in Apps)
        {
            app.Dispose();
            app.DeleteDatabase();
        }
    }
}
