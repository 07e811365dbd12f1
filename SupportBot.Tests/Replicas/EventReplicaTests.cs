using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using SupportBot.Slack.Events;
using SupportBot.Slack.Interactions;
using SupportBot.Storage;
using SupportBot.Tests.Infrastructure;

namespace SupportBot.Tests.Replicas;

/// <summary>Two replicas' event processors on one PostgreSQL inbox: an event is handled by one of them, once.</summary>
[Collection(PostgresCollection.Name)]
public sealed class EventReplicaTests : IDisposable
{
    private const string Type = "replica_test";
    private readonly ConcurrentQueue<string> _handled = new();
    private readonly ReplicaApps _replicas;

    public EventReplicaTests(PostgresServer server) =>
        _replicas = new ReplicaApps(server, services: s => s.AddSingleton<IEventHandler>(new Recorder(_handled)));

    public void Dispose() => _replicas.Dispose();

    /// <summary>Notes each event it handles, slowly enough that two processors would overlap.</summary>
    private sealed class Recorder(ConcurrentQueue<string> handled) : IEventHandler
    {
        public string EventType => Type;

        public async Task HandleAsync(JsonElement slackEvent, CancellationToken cancellationToken)
        {
            handled.Enqueue(slackEvent.GetProperty("id").GetString()!);
            await Task.Delay(2, cancellationToken);
        }
    }

    private static void Accept(SupportBotApp app, string id) =>
        Assert.True(app.Get<SlackEventInbox>().Accept(id, Type, $$"""{"id":"{{id}}"}"""));

    [Fact]
    public async Task Events_accepted_on_both_replicas_are_each_handled_once()
    {
        var ids = Enumerable.Range(1, 60).Select(i => $"Ev{i:D2}").ToList();
        for (var i = 0; i < ids.Count; i++)
            Accept(_replicas[i % 2], ids[i]);
        // both processors at once, beside the hosted ones
        await Task.WhenAll(_replicas.Apps.SelectMany(a => Enumerable.Range(0, 3).Select(_ => a.Get<SlackEventProcessor>().RunOnceAsync(CancellationToken.None))));

        Assert.True(await Eventually.TrueAsync(() => _handled.Count >= ids.Count), $"{_handled.Count} of {ids.Count} handled");
        Assert.False(await Eventually.TrueAsync(() => _handled.Count > ids.Count, 300), "an event was handled twice");
        Assert.Equal(ids, _handled.Order(StringComparer.Ordinal));
        Assert.Empty(_replicas[1].Get<IStoreGate>().Read(s => s.Events.Unprocessed(10)));
    }

    [Fact]
    public async Task Events_claimed_by_a_replica_that_died_are_handled_by_another_once_the_claim_runs_out()
    {
        var survivor = _replicas[1];
        var gate = survivor.Get<IStoreGate>();
        gate.Write(s => SlackEventInbox.Requeue(s, "EvOrphan", Type, """{"id":"EvOrphan"}""", survivor.Time.GetUtcNow().UtcDateTime));
        var now = survivor.Time.GetUtcNow().UtcDateTime;
        Assert.Single(gate.Write(s => s.Events.Claim("killed-replica", now, SlackEventInbox.ClaimFor, 10)));
        var processor = survivor.Get<SlackEventProcessor>();

        Assert.Equal(0, await processor.RunOnceAsync(CancellationToken.None));
        Assert.Empty(_handled);

        StoredTime.Age(_replicas.Connection, SlackEventInbox.ClaimFor + TimeSpan.FromSeconds(1)); // claims run out by the database's clock
        Assert.Equal(1, await processor.RunOnceAsync(CancellationToken.None));
        Assert.Equal(["EvOrphan"], _handled);
    }
}
