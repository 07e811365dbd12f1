using SupportBot.Outbox;
using SupportBot.Slack.Blocks;
using SupportBot.Storage;
using SupportBot.Tests.Infrastructure;

namespace SupportBot.Tests.Replicas;

/// <summary>Two replicas' outbox workers on one PostgreSQL store: each channel has one deliverer at a time.</summary>
[Collection(PostgresCollection.Name)]
public sealed class OutboxReplicaTests(PostgresServer server) : IDisposable
{
    private readonly ReplicaApps _replicas = new(server);

    public void Dispose() => _replicas.Dispose();

    private static void Queue(SupportBotApp app, string channel, string text)
    {
        var now = app.Time.GetUtcNow().UtcDateTime;
        app.Get<IStoreGate>().Write(s => OutboxStore.Enqueue(s, OutboxMessages.Post(channel, new SlackMessage(text)), now));
        app.Get<OutboxSignal>().Notify();
    }

    /// <summary>What is left, for a failure's message: lanes with their holders, and queued messages.</summary>
    private string Dump()
    {
        using var connection = new Npgsql.NpgsqlConnection(_replicas.Connection);
        connection.Open();
        using var query = new Npgsql.NpgsqlCommand("""
            select (select string_agg(lane || ' held by ' || coalesce(owner, 'nobody') || ' until ' || lease_until, '; ') from outbox_lanes)
                || ' | ' || (select string_agg(id || ' in ' || lane || ' after ' || (doc->>'Attempts') || ' attempts', '; ') from outbox)
            """, connection);
        return query.ExecuteScalar()?.ToString() ?? "";
    }

    private int Pending => _replicas[0].Get<OutboxStore>().CountPending();

    [Fact]
    public async Task Two_workers_deliver_each_message_once_and_each_channel_in_order()
    {
        var channels = Enumerable.Range(1, 6).Select(i => $"C_LANE{i}").ToList();
        var queued = 0;
        for (var round = 0; round < 20; round++)
        {
            foreach (var channel in channels)
                Queue(_replicas[queued++ % 2], channel, $"{channel} message {round:D2}");
        }

        Assert.True(await Eventually.TrueAsync(() => Pending == 0), $"{Pending} messages still queued: {Dump()}");
        var posts = _replicas.Calls("chat.postMessage");
        Assert.Equal(queued, posts.Count);
        Assert.Equal(queued, posts.Select(p => p.Text).Distinct().Count());
        foreach (var channel in channels)
        {
            var texts = posts.Where(p => p.Channel == channel).Select(p => p.Text).ToList();
            Assert.Equal(texts.Order(StringComparer.Ordinal), texts);
        }
    }

    [Fact]
    public async Task A_channel_held_by_a_replica_that_died_is_taken_over_once_its_lease_runs_out()
    {
        var survivor = _replicas[1];
        var now = survivor.Time.GetUtcNow().UtcDateTime;
        var lease = survivor.Get<Microsoft.Extensions.Options.IOptions<OutboxOptions>>().Value.LaneLease;
        var gate = survivor.Get<IStoreGate>();
        // a replica queued a message, took its lane and was killed before delivering: its lease stands, nobody renews it
        Assert.Equal(["C_ORPHAN"], gate.Write(s =>
        {
            OutboxStore.Enqueue(s, OutboxMessages.Post("C_ORPHAN", new SlackMessage("owed before the crash")), now);
            return s.Outbox.ClaimLanes("killed-replica", now, lease, 10).Select(h => h.Lane).ToList();
        }));
        _replicas[0].Dispose();

        survivor.Get<OutboxSignal>().Notify();
        Assert.False(await Eventually.TrueAsync(() => survivor.Slack.Find("chat.postMessage").Count > 0, 500), "delivered while another replica held the lane");

        StoredTime.Age(_replicas.Connection, lease + TimeSpan.FromSeconds(1)); // leases run out by the database's clock
        survivor.Get<OutboxSignal>().Notify();
        var posted = await survivor.Slack.WaitForAsync("chat.postMessage");
        Assert.Equal("owed before the crash", Assert.Single(posted).Text);
        Assert.True(await Eventually.TrueAsync(() => survivor.Get<OutboxStore>().CountPending() == 0));
    }

    [Fact]
    public async Task Messages_queued_on_both_replicas_for_one_channel_go_out_once_each_in_queue_order()
    {
        Queue(_replicas[0], "C_HELD", "first");
        // either replica may take the lane first: the database tells both that a message was queued
        Assert.True(await Eventually.TrueAsync(() => _replicas.Calls("chat.postMessage").Count == 1), "the first message was not posted");
        Queue(_replicas[0], "C_HELD", "second");
        Queue(_replicas[1], "C_HELD", "third");

        Assert.True(await Eventually.TrueAsync(() => Pending == 0), $"{Pending} messages still queued: {Dump()}");
        Assert.Equal(["first", "second", "third"], _replicas.Calls("chat.postMessage").Select(c => c.Text));
    }

    [Fact]
    public async Task A_holder_whose_deliveries_outlast_its_lease_lets_go_in_time_so_nothing_goes_out_twice()
    {
        var lease = _replicas[0].Get<Microsoft.Extensions.Options.IOptions<OutboxOptions>>().Value.LaneLease;
        // Slack answers each post a third of a lease later: a backlog of ten takes more than three leases to deliver
        foreach (var app in _replicas.Apps)
            app.Slack.OnCall = call => { if (call.Method == "chat.postMessage") _replicas.Time.Advance(lease / 3); };
        for (var i = 0; i < 10; i++)
            Queue(_replicas[0], "C_SLOW", $"slow {i:D2}");

        Assert.True(await Eventually.TrueAsync(() => Pending == 0), $"{Pending} messages still queued: {Dump()}");
        var texts = _replicas.Calls("chat.postMessage").Select(c => c.Text).ToList();
        Assert.Equal(Enumerable.Range(0, 10).Select(i => $"slow {i:D2}"), texts);
    }

    [Fact]
    public async Task A_message_queued_elsewhere_for_a_channel_a_replica_holds_wakes_that_replica()
    {
        var holder = _replicas[0];
        var lease = holder.Get<Microsoft.Extensions.Options.IOptions<OutboxOptions>>().Value.LaneLease;
        var now = _replicas.Time.GetUtcNow().UtcDateTime;

        // queued through the other replica's store, without waking any worker of this process: only the database's notice can
        _replicas[1].Get<IStoreGate>().Write(s =>
        {
            OutboxStore.Enqueue(s, OutboxMessages.Post("C_HELD", new SlackMessage("for the holder")), now);
            s.Outbox.ClaimLanes(holder.Get<ReplicaIdentity>().Id, now, lease, 10);
        });

        var posted = await holder.Slack.WaitForAsync("chat.postMessage");
        Assert.Equal("for the holder", Assert.Single(posted).Text);
        Assert.Empty(_replicas[1].Slack.Find("chat.postMessage"));
    }
}
