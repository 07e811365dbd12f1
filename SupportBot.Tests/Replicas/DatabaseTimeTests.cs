using Microsoft.Extensions.Options;
using Npgsql;
using SupportBot.Outbox;
using SupportBot.Slack.Blocks;
using SupportBot.Storage;
using SupportBot.Tests.Health;
using SupportBot.Tests.Infrastructure;

namespace SupportBot.Tests.Replicas;

/// <summary>
/// Replicas whose clocks disagree, or that stopped for a while: leases, fences and expiries go by the database's
/// clock, so no lane is posted by two replicas and no form is dropped for another machine's idea of the time.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class DatabaseTimeTests(PostgresServer server) : IDisposable
{
    private static readonly TimeSpan Ahead = TimeSpan.FromSeconds(45);
    private static readonly string[] Texts = ["first", "second", "third"];
    private ReplicaApps? _replicas;

    private ReplicaApps Start(Dictionary<string, string?>? settings = null) =>
        _replicas = new ReplicaApps(server, settings: settings, ahead: [TimeSpan.Zero, Ahead]);

    public void Dispose() => _replicas?.Dispose();

    private static int Pending(ReplicaApps replicas) => replicas[0].Get<OutboxStore>().CountPending();

    private void Sql(string sql)
    {
        using var source = NpgsqlDataSource.Create(_replicas!.Connection);
        using var command = source.CreateCommand(sql);
        command.ExecuteNonQuery();
    }

    [Fact]
    public async Task A_replica_45_s_ahead_posts_every_message_once_and_no_lane_beside_its_holder()
    {
        var replicas = Start();
        var (holder, ahead) = (replicas[0], replicas[1]);
        var channels = Enumerable.Range(1, 6).Select(i => $"C_SKEW{i}").ToList();
        var now = holder.Time.GetUtcNow().UtcDateTime;
        var lease = holder.Get<IOptions<OutboxOptions>>().Value.LaneLease;
        using var aheadLooked = new ManualResetEventSlim();
        // the holder's posts wait until the replica ahead has looked at the lanes: both would deliver at once
        holder.Slack.OnCall = call => aheadLooked.Wait(TimeSpan.FromSeconds(10));
        holder.Get<IStoreGate>().Write(s =>
        {
            for (var i = 0; i < 10; i++)
                foreach (var channel in channels)
                    OutboxStore.Enqueue(s, OutboxMessages.Post(channel, new SlackMessage($"{channel} {i:D2}")), now);
            s.Outbox.ClaimLanes(holder.Get<ReplicaIdentity>().Id, now, lease, 10);
        });
        holder.Get<OutboxSignal>().Notify();

        await ahead.Get<OutboxWorker>().RunOnceAsync(CancellationToken.None); // its clock says the holder's lease ran out 39 s ago
        aheadLooked.Set();

        Assert.True(await Eventually.TrueAsync(() => Pending(replicas) == 0), $"{Pending(replicas)} messages still queued");
        var posts = replicas.Calls("chat.postMessage");
        Assert.Equal(60, posts.Count);
        Assert.Equal(60, posts.Select(p => p.Text).Distinct().Count());
        Assert.Empty(ahead.Slack.Find("chat.postMessage"));
    }

    // Found by this test: a message was queued due at the queueing replica's now, and the replica behind it waited that
    // skew out before its first try, by when the form's 3 s had run out by the database's clock. Its due time is now
    // kept on the database's clock, as its expiry is.
    [Fact]
    public async Task Request_forms_asked_of_either_replica_open_whichever_delivers_them()
    {
        var replicas = Start();

        // one at a time: each form has Slack's 3 s (by the database's clock) from its request, on a loaded machine too
        for (var i = 0; i < 6; i++)
        {
            var payload = Flows.ButtonPayload("open_request_form", "", TestSettings.Customer, TestSettings.CustomerChannel);
            payload["trigger_id"] = $"T{i}.trigger";
            (await replicas[i % 2].Requests.InteractAsync(payload)).EnsureSuccessStatusCode();
            Assert.True(await Eventually.TrueAsync(() => replicas.Calls("views.open").Count == i + 1 || Pending(replicas) == 0),
                $"the form asked of replica {i % 2} did not open");
        }

        Assert.Equal(Enumerable.Range(0, 6).Select(i => $"T{i}.trigger"),
            replicas.Calls("views.open").Select(c => c.Args["trigger_id"]!.GetValue<string>()).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_replica_whose_lane_changed_hands_mid_delivery_posts_nothing_after_it()
    {
        var replicas = Start();
        var moved = 0;
        // while the first post is being made, another replica takes the lane over (as after this one's pause)
        foreach (var app in replicas.Apps)
            app.Slack.OnCall = call =>
            {
                if (call.Method == "chat.postMessage" && Interlocked.Exchange(ref moved, 1) == 0)
                    Sql("update outbox_lanes set owner = 'another-replica', version = version + 1, lease_until = clock_timestamp() + interval '1 minute'");
            };
        var now = replicas[0].Time.GetUtcNow().UtcDateTime;
        replicas[0].Get<IStoreGate>().Write(s =>
        {
            foreach (var text in Texts)
                OutboxStore.Enqueue(s, OutboxMessages.Post("C_FENCED", new SlackMessage(text)), now);
        });
        foreach (var app in replicas.Apps)
            app.Get<OutboxSignal>().Notify();

        Assert.True(await Eventually.TrueAsync(() => replicas.Calls("chat.postMessage").Count > 0), "nothing posted");
        Assert.Equal("first", replicas.Calls("chat.postMessage")[0].Text);
        foreach (var app in replicas.Apps)
            app.Get<OutboxSignal>().Notify();
        Assert.False(await Eventually.TrueAsync(() => replicas.Calls("chat.postMessage").Count > 1, 500), "posted in a lane it no longer held");
        Assert.Equal(2, Pending(replicas));
    }

    [Fact]
    public async Task A_dead_replicas_lane_is_taken_over_within_10_s_of_database_time()
    {
        var replicas = Start();
        var lease = replicas[0].Get<IOptions<OutboxOptions>>().Value.LaneLease;
        var now = replicas[0].Time.GetUtcNow().UtcDateTime;
        replicas[0].Get<IStoreGate>().Write(s =>
        {
            OutboxStore.Enqueue(s, OutboxMessages.Post("C_ORPHANED", new SlackMessage("owed by the dead")), now);
            s.Outbox.ClaimLanes("killed-replica", now, lease, 10);
        });
        // it died right after renewing, a moment less than a lease ago by the database's clock
        StoredTime.Age(replicas.Connection, lease - TimeSpan.FromMilliseconds(300));
        var died = Database<DateTime>(replicas, "select lease_until - @lease from outbox_lanes", lease);

        // the survivors look again on their round timer (a third of the lease): one tick once the lease ran out
        Assert.True(await Eventually.TrueAsync(() => Database<bool>(replicas, "select lease_until < clock_timestamp() from outbox_lanes", lease)));
        replicas.Time.Advance(lease / 3);
        replicas[1].Get<OutboxSignal>().Notify(); // its clock is its own: the tick, as it would come
        Assert.Equal("owed by the dead", Assert.Single(await Task.WhenAny(replicas.Apps.Select(a => a.Slack.WaitForAsync("chat.postMessage")))
            .Unwrap()).Text);
        var takenAfter = Database<DateTime>(replicas, "select clock_timestamp()", lease) - died + lease / 3;

        Assert.True(takenAfter <= TimeSpan.FromSeconds(10), $"taken over {takenAfter.TotalSeconds:0.0} s after the holder died");
    }

    private static T Database<T>(ReplicaApps replicas, string sql, TimeSpan lease)
    {
        using var source = NpgsqlDataSource.Create(replicas.Connection);
        using var command = source.CreateCommand(sql);
        command.Parameters.AddWithValue("lease", lease);
        return (T)command.ExecuteScalar()!;
    }

    [Fact]
    public async Task Health_is_degraded_on_the_replica_whose_clock_is_off_naming_the_skew_and_the_setting()
    {
        var replicas = Start(new() { ["Postgres:MaxClockSkew"] = "00:00:02" });
        // the shared fake clock stands still while real time moves: set it to now before each look, until a probe ran
        // within the 2 s (on a busy machine one can start late, and then rightly finds the standing clock behind)
        System.Text.Json.Nodes.JsonNode agreeing = null!;
        Assert.True(await Eventually.TrueAsync(() =>
        {
            replicas.Time.SetUtcNow(DateTimeOffset.UtcNow);
            agreeing = replicas[0].HealthAsync().GetAwaiter().GetResult().Body;
            return agreeing.Status("postgres-clock") == "Healthy";
        }), "the replica whose clock agrees never probed Healthy");
        var (_, skewed) = await replicas[1].HealthAsync();

        Assert.Equal("Degraded", skewed.Status("postgres-clock"));
        Assert.Contains("ahead of the database's, more than Postgres:MaxClockSkew (2 s)", skewed.Description("postgres-clock"));
        Assert.Equal("Healthy", agreeing.Status("postgres-clock"));
    }
}
