using SupportBot.Dashboard.Data;
using SupportBot.Home;
using SupportBot.Search;
using SupportBot.Storage;
using SupportBot.Tests.Infrastructure;
using SupportBot.Tickets;

namespace SupportBot.Tests.Replicas;

/// <summary>What each replica keeps in memory follows the other's ticket changes; shared chores are done once.</summary>
[Collection(PostgresCollection.Name)]
public sealed class FollowerReplicaTests(PostgresServer server) : IDisposable
{
    private readonly ReplicaApps _replicas = new(server);

    public void Dispose() => _replicas.Dispose();

    private static int Open(SupportBotApp app, string subject) => app.Get<TicketStore>().Change(set => set.Insert(new Ticket
    {
        Subject = subject, Description = "The gateway drops every request", ChannelId = TestSettings.CustomerChannel,
        RequesterId = TestSettings.Customer,
    }).Number);

    private static bool Finds(SupportBotApp app, string words, int number) =>
        app.Get<TicketSearch>().Search(words).Hits.Any(h => h.Number == number);

    [Fact]
    public async Task A_ticket_changed_on_one_replica_is_found_by_the_other_replicas_search()
    {
        var other = _replicas[1];
        Assert.True(await Eventually.TrueAsync(() => other.Get<SearchIndexer>().Index is not null), "the index never opened");

        var number = Open(_replicas[0], "Flamingo gateway outage");
        Assert.True(await Eventually.TrueAsync(() => Finds(other, "flamingo", number)), "the other replica's search never found the new ticket");

        _replicas[0].Get<TicketStore>().Change(set =>
        {
            var ticket = set.Find(number)!;
            ticket.Subject = "Pelican gateway outage";
            set.Update(ticket);
            return true;
        });
        Assert.True(await Eventually.TrueAsync(() => Finds(other, "pelican", number) && !Finds(other, "flamingo", number)),
            "the other replica's search kept the old subject");
    }

    [Fact]
    public async Task A_ticket_changed_on_one_replica_shows_in_the_other_replicas_dashboard_facts()
    {
        var facts = _replicas[1].Get<TicketFacts>();
        var before = Open(_replicas[1], "Opened before the facts were loaded");
        Assert.Contains(facts.All(), f => f.Number == before);

        var number = Open(_replicas[0], "Opened on the other replica");
        Assert.True(await Eventually.TrueAsync(() => facts.All().Any(f => f.Number == number)), "the new ticket never reached the facts");

        _replicas[0].Get<TicketStore>().Change(set =>
        {
            var ticket = set.Find(number)!;
            ticket.AssigneeId = TestSettings.Engineer2;
            set.Update(ticket);
            return true;
        });
        Assert.True(await Eventually.TrueAsync(() => facts.All().Single(f => f.Number == number).AssigneeId == TestSettings.Engineer2),
            "the facts kept the ticket unassigned");
    }

    [Fact]
    public async Task A_due_home_tab_is_published_by_one_replica_only()
    {
        var now = _replicas.Time.GetUtcNow().UtcDateTime;
        _replicas[0].Get<IStoreGate>().Write(s => s.HomeTabs.Insert(new HomeTabs.HomeTab { UserId = TestSettings.Engineer, RefreshAt = now, Version = 1 }));

        var refreshed = await Task.WhenAll(_replicas.Apps.SelectMany(a => Enumerable.Range(0, 2))
            .Select((_, i) => Task.Run(() => _replicas[i % 2].Get<HomeRefresher>().RunOnce())));

        Assert.Equal(1, refreshed.Sum());
        Assert.True(await Eventually.TrueAsync(() => _replicas.Calls("views.publish").Count == 1), "the tab was never published");
        Assert.False(await Eventually.TrueAsync(() => _replicas.Calls("views.publish").Count > 1, 300), "the tab was published twice");
        Assert.Null(_replicas[1].Get<IStoreGate>().Read(s => s.HomeTabs.Find(TestSettings.Engineer))!.RefreshAt);
    }
}
