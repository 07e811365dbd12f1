using SupportBot.Outbox;
using SupportBot.Postgres;
using SupportBot.Tickets;

namespace SupportBot.Tests.Storage.Contract;

/// <summary>The batch writes a sweep makes: many tickets updated, many messages queued, each in one call.</summary>
public abstract partial class StoreContract
{
    [Fact]
    public void Many_tickets_update_in_one_call_and_a_number_listed_twice_ends_as_its_last_entry()
    {
        var escalated = Insert(t => { t.Escalations.Add(new TicketEscalation { At = Now, ChannelId = "C_COLLAB", Ts = "5.5" }); t.Sla.NextCheckAt = Now.AddMinutes(-5); });
        var pending = Insert(t => { t.Status = TicketStatus.Pending; t.Sla.PendingNextAt = Now.AddMinutes(-1); });
        var untouched = Insert(t => t.Sla.AutoCloseAt = Now.AddMinutes(-1));
        escalated.Escalations.Clear();
        escalated.Sla.NextCheckAt = null;
        escalated.ThreadTs = "1.1";
        pending.Status = TicketStatus.Solved;
        pending.Sla.PendingNextAt = null;
        pending.Sla.AutoCloseAt = Now.AddDays(3);
        pending.Escalations.Add(new TicketEscalation { At = Now, ChannelId = "C_COLLAB", Ts = "6.6" });
        pending.Escalations.Add(new TicketEscalation { At = Now, ChannelId = "C_COLLAB", Ts = "7.7" });
        var earlier = Gate.Read(s => s.Tickets.Find(pending.Number))!;

        Gate.Write(s => s.Tickets.UpdateMany([pending, escalated, earlier, pending]));
        Gate.Write(s => s.Tickets.UpdateMany([]));

        foreach (var ticket in new[] { escalated, pending, untouched })
            Assert.Equal(PgJson.Write(ticket), PgJson.Write(Gate.Read(s => s.Tickets.Find(ticket.Number))!));
        // the indexed columns follow the records
        Assert.Empty(Gate.Read(s => s.Tickets.ByEscalation("5.5")));
        Assert.Equal([pending.Number], Gate.Read(s => s.Tickets.ByEscalation("7.7")).Select(t => t.Number));
        Assert.Equal([escalated.Number], Gate.Read(s => s.Tickets.InThread("C_ACME", "1.1")).Select(t => t.Number));
        Assert.False(Gate.Read(s => s.Tickets.AnyDue(SlaClock.NextCheck, Now) || s.Tickets.AnyDue(SlaClock.PendingNext, Now)));
        Assert.Equal([untouched.Number], Gate.Write(s => s.Tickets.Due(SlaClock.AutoClose, Now, 10)).Select(t => t.Number));
        Assert.Equal([TicketStatus.New, TicketStatus.New], Gate.Read(s => s.Tickets.Open()).Select(t => t.Status));
    }

    [Fact]
    public void Many_messages_queue_in_one_call_in_list_order_after_those_before()
    {
        var before = Queue("C_ACME");
        List<OutboxMessage> batch = [Message("C_BETA", "one"), Message("C_ACME", "two"), Message("C_BETA", "three")];
        batch[1].Failed = true;

        Gate.Write(s => s.Outbox.InsertMany(batch));
        Gate.Write(s => s.Outbox.InsertMany([]));

        Assert.True(before.Id < batch[0].Id && batch[0].Id < batch[1].Id && batch[1].Id < batch[2].Id);
        var pending = Gate.Read(s => s.Outbox.PendingAfter(0, 10));
        Assert.Equal([before.Id, batch[0].Id, batch[2].Id], pending.Select(m => m.Id));
        Assert.Equal(["""{"text":"hi"}""", """{"text":"one"}""", """{"text":"three"}"""], pending.Select(m => m.Args));
        Assert.Equal([batch[0].Id, batch[2].Id], Gate.Read(s => s.Outbox.PendingIn(["C_BETA"], Clock, 10)).Select(m => m.Id));
        Assert.Equal(batch[1].Id, Assert.Single(Gate.Read(s => s.Outbox.SetAside())).Id);
        Assert.True(Queue("C_ACME").Id > batch[2].Id);
    }

    /// <summary>PostgreSQL queues a large batch another way (ids drawn before the insert): the order holds there too.</summary>
    [Fact]
    public void A_sweep_sized_batch_queues_in_list_order_with_its_ids_in_each_record()
    {
        var batch = Enumerable.Range(0, 40).Select(i => Message(i % 2 == 0 ? "C_ACME" : "C_BETA", $"m{i}")).ToList();

        Gate.Write(s => s.Outbox.InsertMany(batch));

        Assert.Equal(batch.Select(m => m.Id).Order(), batch.Select(m => m.Id));
        Assert.Equal(40, batch.Select(m => m.Id).Distinct().Count());
        var pending = Gate.Read(s => s.Outbox.PendingAfter(0, 100));
        Assert.Equal(batch.Select(m => (m.Id, m.Args)), pending.Select(m => (m.Id, m.Args)));
    }

    private static OutboxMessage Message(string lane, string text) =>
        new() { Lane = lane, Method = "chat.postMessage", Args = $$"""{"text":"{{text}}"}""", NextAttemptAt = Now, CreatedAt = Now };
}
