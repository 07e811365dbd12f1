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

    /// <param name="ahead">
    /// Per replica, how far its clock runs ahead of <see cref="Time"/> (a skewed machine): such a replica gets a clock of
    /// its own, which moving <see cref="Time"/> does not move.
    /// </param>
    public ReplicaApps(PostgresServer server, int count = 2, Dictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null,
        TimeSpan[]? ahead = null)
    {
        _services = services;
        Connection = server.NewDatabase();
        Apps = [.. Enumerable.Range(0, count).Select(i => Start(settings, ahead?.ElementAtOrDefault(i) ?? TimeSpan.Zero))];
    }

    public string Connection { get; }

    /// <summary>One clock for all: replicas' clocks agree (NTP), and a message queued on one is due on the other.</summary>
    public FakeTimeProvider Time { get; } = new(DateTimeOffset.UtcNow);

    public SupportBotApp[] Apps { get; }

    public SupportBotApp this[int replica] => Apps[replica];

    /// <summary>Every replica's Slack calls of <paramref name="method"/>, in the order they were made.</summary>
    public List<SlackCall> Calls(string method) => [.. Apps.SelectMany(a => a.Slack.Find(method)).OrderBy(c => c.At)];

    private SupportBotApp Start(Dictionary<string, string?>? settings, TimeSpan ahead)
    {
        // the replicas' own parts are under test here, not the clustered scheduler (Replicas/… and Scheduling/… test that)
        var all = new Dictionary<string, string?> { ["ConnectionStrings:Postgres"] = Connection, ["Scheduling:Enabled"] = "false" };
        foreach (var (key, value) in settings ?? [])
            all[key] = value;
        var clock = ahead == TimeSpan.Zero ? Time : new FakeTimeProvider(Time.GetUtcNow() + ahead);
        var app = new SupportBotApp(all, time: clock, services: _services);
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
