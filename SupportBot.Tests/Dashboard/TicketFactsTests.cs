using SupportBot.Dashboard.Data;
using SupportBot.Tests.Infrastructure;
using SupportBot.Tickets;

namespace SupportBot.Tests.Dashboard;

/// <summary>The dashboard's in-memory facts: loaded in chunks, then kept current by committed changes only.</summary>
public sealed class TicketFactsTests() : AppTest(new() { ["Dashboard:WarmUpDelay"] = "00:00:00" })
{
    [Fact]
    public void Loads_more_than_one_chunk_and_follows_later_changes()
    {
        var count = TicketFacts.ChunkSize * 2 + 5;
        Tickets.Change(set =>
        {
            for (var i = 0; i < count; i++)
                set.Insert(new Ticket { Subject = $"T{i}", ChannelId = TestSettings.CustomerChannel });
            return true;
        });
        var facts = App.Get<TicketFacts>();

        Assert.Equal(count, facts.All().Count);

        Tickets.Change(set =>
        {
            var t = set.Find(7)!;
            t.Status = TicketStatus.Solved;
            set.Update(t);
            return true;
        });
        Assert.Equal(TicketStatus.Solved, facts.All().Single(f => f.Number == 7).Status);
    }

    [Fact]
    public async Task They_load_by_themselves_once_the_app_has_started()
    {
        Tickets.Change(set => set.Insert(new Ticket { Subject = "Before the first page", ChannelId = TestSettings.CustomerChannel }));

        Assert.True(await Eventually.TrueAsync(() => App.Get<TicketFacts>().IsLoaded), "the warm-up loads the facts without a page asking");
    }

    [Fact]
    public void A_change_that_rolls_back_leaves_the_facts_alone()
    {
        Tickets.Change(set => set.Insert(new Ticket { Subject = "Kept", ChannelId = TestSettings.CustomerChannel }));
        var facts = App.Get<TicketFacts>();
        Assert.Single(facts.All());

        Assert.Throws<InvalidOperationException>(() => Tickets.Change<bool>(set =>
        {
            set.Insert(new Ticket { Subject = "Rolled back", ChannelId = TestSettings.CustomerChannel });
            throw new InvalidOperationException("the change fails");
        }));

        Assert.Equal("Kept", Assert.Single(facts.All()).Subject);
    }
}
