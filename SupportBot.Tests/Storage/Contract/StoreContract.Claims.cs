using SupportBot.Home;
using SupportBot.Outbox;
using SupportBot.Slack.Events;

namespace SupportBot.Tests.Storage.Contract;

/// <summary>What replicas sharing a store claim from each other: outbox lanes, events and due Home tabs.</summary>
public abstract partial class StoreContract
{
    private static DateTime Lease => Now.AddSeconds(30);

    private List<string> ClaimLanes(string owner, DateTime now, int limit = 10) =>
        Gate.Write(s => s.Outbox.ClaimLanes(owner, now, now.AddSeconds(30), limit)).Order(StringComparer.Ordinal).ToList();

    [Fact]
    public void A_lane_with_messages_is_held_by_one_owner_until_its_lease_runs_out()
    {
        Queue("C_ONE");
        Queue("C_TWO");

        Assert.Equal(["C_ONE", "C_TWO"], ClaimLanes("first", Now));
        Assert.Empty(ClaimLanes("second", Now.AddSeconds(29)));
        Assert.Equal(["C_ONE", "C_TWO"], ClaimLanes("first", Now.AddSeconds(20))); // renewed until 50 s
        Assert.Empty(ClaimLanes("second", Now.AddSeconds(40)));
        Assert.Equal(["C_ONE", "C_TWO"], ClaimLanes("second", Now.AddSeconds(51)));
        Assert.Empty(ClaimLanes("first", Now.AddSeconds(52)));
    }

    [Fact]
    public void Lanes_are_taken_up_to_the_limit_and_empty_lanes_are_let_go()
    {
        var one = Queue("C_ONE");
        Queue("C_TWO");
        Queue("C_THREE");

        Assert.Single(ClaimLanes("first", Now, limit: 1));
        Assert.Equal(2, ClaimLanes("second", Now).Count);

        Gate.Write(s => s.Outbox.Delete(one.Id));
        var held = ClaimLanes("first", Now).Concat(ClaimLanes("second", Now)).Order(StringComparer.Ordinal);
        Assert.Equal(["C_THREE", "C_TWO"], held);
        Queue("C_ONE");
        Assert.Equal(["C_ONE"], ClaimLanes("third", Now));
    }

    [Fact]
    public void Released_lanes_are_free_from_the_given_time()
    {
        Queue("C_ONE");
        ClaimLanes("first", Now);

        Gate.Write(s => s.Outbox.ReleaseLanes("first", Now.AddSeconds(1)));

        Assert.Empty(ClaimLanes("second", Now));
        Assert.Equal(["C_ONE"], ClaimLanes("second", Now.AddSeconds(2)));
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

        Assert.Equal([first.Id, third.Id, fourth.Id], Gate.Read(s => s.Outbox.PendingIn(["C_ONE", "C_THREE"], 10)).Select(m => m.Id));
        Assert.Equal([first.Id], Gate.Read(s => s.Outbox.PendingIn(["C_ONE"], 1)).Select(m => m.Id));
        Assert.Empty(Gate.Read(s => s.Outbox.PendingIn(["C_NONE"], 10)));
    }

    [Fact]
    public void An_event_is_claimed_by_one_owner_until_its_claim_runs_out_or_is_given_back()
    {
        foreach (var id in new[] { "Ev1", "Ev2", "Ev3" })
            Gate.Write(s => s.Events.Add(new StoredEvent { EventId = id, Type = "message", Json = "{}", ReceivedAt = Now }));

        Assert.Equal(["Ev1", "Ev2"], Gate.Write(s => s.Events.Claim("first", Now, Lease, 2)).Select(e => e.EventId));
        var second = Gate.Write(s => s.Events.Claim("second", Now, Lease, 10));
        Assert.Equal(["Ev3"], second.Select(e => e.EventId));
        Assert.Empty(Gate.Write(s => s.Events.Claim("third", Now.AddSeconds(29), Lease, 10)));

        second[0].ClaimedUntil = null; // handling failed: given back for another try
        Gate.Write(s => s.Events.Update(second[0]));
        var first = Gate.Read(s => s.Events.Find("Ev1"))!;
        first.ProcessedAt = Now;
        Gate.Write(s => s.Events.Update(first));
        Assert.Equal(["Ev3"], Gate.Write(s => s.Events.Claim("third", Now, Lease, 10)).Select(e => e.EventId));
        Assert.Equal(["Ev2", "Ev3"], Gate.Write(s => s.Events.Claim("third", Lease.AddSeconds(1), Lease.AddSeconds(31), 10)).Select(e => e.EventId));
    }

    [Fact]
    public void A_due_home_tab_is_claimed_once_and_due_again_when_the_claim_runs_out()
    {
        Gate.Write(s =>
        {
            s.HomeTabs.Insert(new HomeTabs.HomeTab { UserId = "U_ENG1", RefreshAt = Now, Version = 3 });
            s.HomeTabs.Insert(new HomeTabs.HomeTab { UserId = "U_ENG2", RefreshAt = Now.AddMinutes(1), Version = 1 });
        });

        var claimed = Assert.Single(Gate.Write(s => s.HomeTabs.Claim(Now, Lease)));
        Assert.Equal(("U_ENG1", 3L), (claimed.UserId, claimed.Version));
        Assert.Empty(Gate.Write(s => s.HomeTabs.Claim(Now.AddSeconds(29), Lease.AddSeconds(29))));
        Assert.Equal(["U_ENG1"], Gate.Write(s => s.HomeTabs.Claim(Lease, Lease.AddSeconds(30))).Select(t => t.UserId));
    }
}
