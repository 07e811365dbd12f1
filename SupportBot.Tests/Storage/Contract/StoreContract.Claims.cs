using SupportBot.Home;
using SupportBot.Outbox;
using SupportBot.Slack.Events;

namespace SupportBot.Tests.Storage.Contract;

/// <summary>What replicas sharing a store claim from each other: outbox lanes, events and due Home tabs.</summary>
public abstract partial class StoreContract
{
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(30);

    /// <summary>The app's clock, which LiteDB's leases go by; PostgreSQL's go by the database's own (see <see cref="Pass"/>).</summary>
    private DateTime Clock => Now + _passed;
    private TimeSpan _passed;

    /// <summary>
    /// Lets <paramref name="span"/> pass for the store's leases, claims and expiries: the app's clock moves (LiteDB's);
    /// a store with a clock of its own also ages what it holds by as much (<see cref="PostgresStoreContractTests"/>).
    /// </summary>
    protected virtual void Pass(TimeSpan span) => _passed += span;

    private List<string> ClaimLanes(string owner, int limit = 10) =>
        Claim(owner, limit).Select(h => h.Lane).Order(StringComparer.Ordinal).ToList();

    private List<LaneHold> Claim(string owner, int limit = 10) => Gate.Write(s => s.Outbox.ClaimLanes(owner, Clock, Lease, limit));

    private bool Holds(string owner, LaneHold hold, int marginSeconds = 0) =>
        Gate.Read(s => s.Outbox.Holds(owner, hold, Clock, TimeSpan.FromSeconds(marginSeconds)));

    [Fact]
    public void A_lane_with_messages_is_held_by_one_owner_until_its_lease_runs_out()
    {
        Queue("C_ONE");
        Queue("C_TWO");

        Assert.Equal(["C_ONE", "C_TWO"], ClaimLanes("first"));
        Pass(TimeSpan.FromSeconds(29));
        Assert.Empty(ClaimLanes("second"));
        Assert.Equal(["C_ONE", "C_TWO"], ClaimLanes("first")); // renewed until 59 s
        Pass(TimeSpan.FromSeconds(20));
        Assert.Empty(ClaimLanes("second"));
        Pass(TimeSpan.FromSeconds(11));
        Assert.Equal(["C_ONE", "C_TWO"], ClaimLanes("second"));
        Assert.Empty(ClaimLanes("first"));
    }

    [Fact]
    public void A_lane_changing_hands_gets_a_new_version_and_its_old_holder_holds_it_no_more()
    {
        Queue("C_ONE");

        var first = Assert.Single(Claim("first"));
        Assert.True(Holds("first", first, marginSeconds: 10));
        Assert.Equal(first, Assert.Single(Claim("first"))); // a renewal keeps the version
        Pass(TimeSpan.FromSeconds(25));
        Assert.False(Holds("first", first, marginSeconds: 10)); // 5 s left: too little for a call
        Assert.True(Holds("first", first, marginSeconds: 1));
        Pass(TimeSpan.FromSeconds(10));
        Assert.False(Holds("first", first));

        var second = Assert.Single(Claim("second"));
        Assert.NotEqual(first.Version, second.Version);
        Assert.True(Holds("second", second));
        Assert.False(Holds("first", first));
        Assert.False(Holds("first", second)); // the version alone is not the lane: the owner must match too
        Gate.Write(s => s.Outbox.ReleaseLanes("second", Clock, TimeSpan.Zero));
        Assert.False(Holds("second", second));
        Pass(TimeSpan.FromSeconds(1));
        Assert.NotEqual(second.Version, Assert.Single(Claim("first")).Version); // taken back: a version of its own
    }

    [Fact]
    public void Lanes_are_taken_up_to_the_limit_and_empty_lanes_are_let_go()
    {
        var one = Queue("C_ONE");
        Queue("C_TWO");
        Queue("C_THREE");

        Assert.Single(ClaimLanes("first", limit: 1));
        Assert.Equal(2, ClaimLanes("second").Count);

        Gate.Write(s => s.Outbox.Delete(one.Id));
        var held = ClaimLanes("first").Concat(ClaimLanes("second")).Order(StringComparer.Ordinal);
        Assert.Equal(["C_THREE", "C_TWO"], held);
        Queue("C_ONE");
        Assert.Equal(["C_ONE"], ClaimLanes("third"));
    }

    [Fact]
    public void Released_lanes_are_free_after_the_given_pause()
    {
        Queue("C_ONE");
        ClaimLanes("first");

        Gate.Write(s => s.Outbox.ReleaseLanes("first", Clock, TimeSpan.FromSeconds(1)));

        Assert.Empty(ClaimLanes("second"));
        Pass(TimeSpan.FromSeconds(2));
        Assert.Equal(["C_ONE"], ClaimLanes("second"));
    }

    [Fact]
    public void Pending_messages_of_given_lanes_come_oldest_first()
    {
        var first = Queue("C_ONE");
        Queue("C_TWO");
        var third = Queue("C_ONE");
        var fourth = Queue("C_THREE");
        var setAside = Queue("C_ONE");
        setAside.Failed = true;
        Gate.Write(s => s.Outbox.Update(setAside));

        Assert.Equal([first.Id, third.Id, fourth.Id], Gate.Read(s => s.Outbox.PendingIn(["C_ONE", "C_THREE"], Clock, 10)).Select(m => m.Id));
        Assert.Equal([first.Id], Gate.Read(s => s.Outbox.PendingIn(["C_ONE"], Clock, 1)).Select(m => m.Id));
        // the oldest of each lane, not of all: a long lane does not hide another's head
        Assert.Equal([first.Id, fourth.Id], Gate.Read(s => s.Outbox.PendingIn(["C_ONE", "C_THREE"], Clock, 1)).Select(m => m.Id));
        Assert.Empty(Gate.Read(s => s.Outbox.PendingIn(["C_NONE"], Clock, 10)));
    }

    [Fact]
    public void A_pending_message_expires_by_the_store_clock_read_from_the_readers_now()
    {
        var form = Gate.Write(s =>
        {
            var message = new OutboxMessage { Lane = "view:T1", Method = "views.open", ExpiresAt = Now.AddSeconds(3) };
            OutboxStore.Enqueue(s, message, Now);
            return message;
        });
        Pass(TimeSpan.FromSeconds(1));

        var read = Assert.Single(Gate.Read(s => s.Outbox.PendingIn(["view:T1"], Clock, 10)));
        Assert.Equal(form.Id, read.Id);
        Assert.InRange(read.ExpiresAt!.Value, Now.AddSeconds(2.5), Now.AddSeconds(3)); // 2 s after the reader's now (Now + 1 s)
        read.Attempts++;
        Gate.Write(s => s.Outbox.Update(read)); // a retry keeps the expiry where it was
        Assert.InRange(Gate.Read(s => s.Outbox.PendingIn(["view:T1"], Clock, 10))[0].ExpiresAt!.Value, Now.AddSeconds(2.5), Now.AddSeconds(3));
    }

    [Fact]
    public void An_event_is_claimed_by_one_owner_until_its_claim_runs_out_or_is_given_back()
    {
        foreach (var id in new[] { "Ev1", "Ev2", "Ev3" })
            Gate.Write(s => s.Events.Add(new StoredEvent { EventId = id, Type = "message", Json = "{}", ReceivedAt = Now }));

        Assert.Equal(["Ev1", "Ev2"], Gate.Write(s => s.Events.Claim("first", Clock, Lease, 2)).Select(e => e.EventId));
        var second = Gate.Write(s => s.Events.Claim("second", Clock, Lease, 10));
        Assert.Equal(["Ev3"], second.Select(e => e.EventId));
        Pass(TimeSpan.FromSeconds(29));
        Assert.Empty(Gate.Write(s => s.Events.Claim("third", Clock, Lease, 10)));

        second[0].ClaimedUntil = null; // handling failed: given back for another try
        Gate.Write(s => s.Events.Update(second[0]));
        var first = Gate.Read(s => s.Events.Find("Ev1"))!;
        first.ProcessedAt = Now;
        Gate.Write(s => s.Events.Update(first));
        Assert.Equal(["Ev3"], Gate.Write(s => s.Events.Claim("third", Clock, Lease, 10)).Select(e => e.EventId));
        Pass(TimeSpan.FromSeconds(31)); // first's claim ran out at 30 s, third's at 59 s
        Assert.Equal(["Ev2", "Ev3"], Gate.Write(s => s.Events.Claim("fourth", Clock, Lease, 10)).Select(e => e.EventId));
    }

    [Fact]
    public void A_due_home_tab_is_claimed_once_and_due_again_when_the_claim_runs_out()
    {
        Gate.Write(s =>
        {
            s.HomeTabs.Insert(new HomeTabs.HomeTab { UserId = "U_ENG1", RefreshAt = Now, Version = 3 });
            s.HomeTabs.Insert(new HomeTabs.HomeTab { UserId = "U_ENG2", RefreshAt = Now.AddMinutes(1), Version = 1 });
        });

        var until = Now + Lease;
        var claimed = Assert.Single(Gate.Write(s => s.HomeTabs.Claim(Now, until)));
        Assert.Equal(("U_ENG1", 3L), (claimed.UserId, claimed.Version));
        Assert.Empty(Gate.Write(s => s.HomeTabs.Claim(Now.AddSeconds(29), until.AddSeconds(29))));
        Assert.Equal(["U_ENG1"], Gate.Write(s => s.HomeTabs.Claim(until, until.AddSeconds(30))).Select(t => t.UserId));
    }
}
