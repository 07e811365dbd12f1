using LiteDB;
using SupportBot.Outbox;
using SupportBot.Storage;

namespace SupportBot.Tickets;

/// <summary>
/// Tickets in LiteDB. Reads are direct; every change goes through <see cref="Change{T}"/>, which commits the
/// ticket and the Slack messages it owes together and then wakes the outbox.
/// </summary>
public sealed class TicketStore(StoreGate gate, OutboxSignal signal, TimeProvider time)
{
    public const string Collection = "tickets";

    /// <summary>The queue's length; -1 until first asked. Read freely, written only under the store's lock.</summary>
    private int _waiting = -1;

    private ILiteCollection<Ticket> Tickets => gate.Database.GetCollection<Ticket>(Collection);

    public Ticket? Find(int number) => Tickets.FindById(number);

    /// <summary>The user's tickets that are not Solved or Closed.</summary>
    public List<Ticket> AssignedTo(string userId) =>
        Tickets.Find(t => t.OpenAssigneeId == userId).OrderBy(t => t.Number).ToList();

    /// <summary>Unassigned tickets not yet Solved or Closed.</summary>
    public List<Ticket> Unassigned(string? channelId = null) =>
        Tickets.Find(t => t.Waiting).Where(t => channelId == null || t.ChannelId == channelId).ToList();

    /// <summary>
    /// The queue's length, asked by every bare /status: counted once from the index, then kept up to date by
    /// committed changes, so it costs nothing however long the queue grows.
    /// </summary>
    public int WaitingCount()
    {
        // counted and updated only under the store's lock, so no change can slip between the count and the updates
        if (Volatile.Read(ref _waiting) < 0)
            gate.Write(_ => _waiting < 0 ? _waiting = CountWaiting() : _waiting);
        return Volatile.Read(ref _waiting);
    }

    // selecting only the indexed field lets LiteDB count index entries without loading tickets
    private int CountWaiting() => Tickets.Query().Where(t => t.Waiting).Select(t => t.Waiting).ToEnumerable().Count();

    public int Count() => Tickets.Count();

    /// <summary>Runs <paramref name="work"/> in one transaction; messages it sends are delivered after the commit.</summary>
    public T Change<T>(Func<TicketChangeSet, T> work)
    {
        var set = default(TicketChangeSet);
        var result = gate.Write(db =>
        {
            set = new TicketChangeSet(db, time.GetUtcNow().UtcDateTime);
            return work(set);
        }, committed: () =>
        {
            if (set!.WaitingDelta != 0 && _waiting >= 0)
                _waiting += set.WaitingDelta;
        });
        if (set is { SentAny: true })
            signal.Notify();
        return result;
    }

    public static void EnsureIndexes(LiteDatabase db)
    {
        StoreMapping.Prepare<Ticket>(db);
        var tickets = db.GetCollection<Ticket>(Collection);
        tickets.EnsureIndex(t => t.Waiting);
        tickets.EnsureIndex(t => t.OpenAssigneeId);
        tickets.EnsureIndex(t => t.ThreadTs);
        tickets.EnsureIndex(t => t.Status);
    }
}
