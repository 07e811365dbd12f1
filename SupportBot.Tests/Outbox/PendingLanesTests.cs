using SupportBot.Outbox;

namespace SupportBot.Tests.Outbox;

public sealed class PendingLanesTests
{
    private static OutboxMessage Message(long id, string lane) => new() { Id = id, Lane = lane };

    [Fact]
    public void Each_lane_keeps_its_messages_in_id_order_whatever_order_they_were_added_in()
    {
        var pending = new PendingLanes();
        foreach (var m in new[] { Message(5, "C1"), Message(2, "C2"), Message(3, "C1"), Message(1, "C1"), Message(4, "C2") })
            pending.Add(m);

        var lanes = pending.Lanes().Select(l => l.Select(m => (m.Lane, m.Id)).ToList()).OrderBy(l => l[0].Lane).ToList();

        Assert.Equal([("C1", 1L), ("C1", 3L), ("C1", 5L)], lanes[0]);
        Assert.Equal([("C2", 2L), ("C2", 4L)], lanes[1]);
    }

    [Fact]
    public void A_message_added_again_is_kept_once_and_a_lane_emptied_by_removals_is_gone()
    {
        var pending = new PendingLanes();
        pending.Add(Message(1, "C1"));
        pending.Add(Message(1, "C1"));
        pending.Add(Message(2, "C2"));

        pending.Remove(Message(2, "C2"));

        var lane = Assert.Single(pending.Lanes());
        Assert.Equal([1L], lane.Select(m => m.Id));
        pending.Remove(Message(1, "C1"));
        Assert.True(pending.IsEmpty);
    }
}
