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

    private ILiteCollection<Ticket> Tickets => gate.Database.GetCollection<Ticket>(Collection);

    public Ticket? Find(int number) => Tickets.FindById(number);

    public Ticket? FindByThread(string channelId, string threadTs) =>
        Tickets.FindOne(t => t.ThreadTs == threadTs && t.ChannelId == channelId);

    public List<Ticket> AssignedTo(string userId) =>
        Tickets.Find(t => t.AssigneeId == userId).Where(t => !t.Status.IsDone()).OrderBy(t => t.Number).ToList();

    /// <summary>Unassigned tickets not yet Solved or Closed.</summary>
    public List<Ticket> Unassigned(string? channelId = null) =>
        Tickets.Find(t => t.AssigneeId == null).Where(t => !t.Status.IsDone() && (channelId == null || t.ChannelId == channelId)).ToList();

    public int Count() => Tickets.Count();

    /// <summary>Runs <paramref name="work"/> in one transaction; messages it sends are delivered after the commit.</summary>
    public T Change<T>(Func<TicketChangeSet, T> work)
    {
        var set = default(TicketChangeSet);
        var result = gate.Write(db =>
        {
            set = new TicketChangeSet(db, time.GetUtcNow().UtcDateTime);
            return work(set);
        });
        if (set is { SentAny: true })
            signal.Notify();
        return result;
    }

    public static void EnsureIndexes(LiteDatabase db)
    {
        StoreMapping.Prepare<Ticket>(db);
        var tickets = db.GetCollection<Ticket>(Collection);
        tickets.EnsureIndex(t => t.AssigneeId);
        tickets.EnsureIndex(t => t.ThreadTs);
        tickets.EnsureIndex(t => t.Status);
    }
}
