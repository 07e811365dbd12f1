using LiteDB;
using SupportBot.Outbox;
using SupportBot.Storage;

namespace SupportBot.Tickets;

/// <summary>
/// Tickets in LiteDB, read and written through the <see cref="StoreGate"/>. Every change goes through
/// <see cref="Change{T}"/>, which commits the ticket and the Slack messages it owes together, keeps the in-memory
/// open tickets current, and then wakes the outbox.
/// </summary>
public sealed class TicketStore(StoreGate gate, OutboxSignal signal, TimeProvider time, IEnumerable<ITicketsCommitted> listeners,
    IEnumerable<ITicketsChangedHook> hooks)
{
    public const string Collection = "tickets";

    private readonly OpenTickets _open = new();
    private readonly IReadOnlyList<ITicketsCommitted> _listeners = listeners.ToList();

    private static ILiteCollection<Ticket> Tickets(LiteDatabase db) => db.GetCollection<Ticket>(Collection);

    public Ticket? Find(int number) => gate.Read(db => Tickets(db).FindById(number));

    /// <summary>The user's tickets that are not Solved or Closed.</summary>
    public List<OpenTicket> AssignedTo(string userId) =>
        Open().Where(t => t.AssigneeId == userId).OrderBy(t => t.Number).ToList();

    /// <summary>Unassigned requests not yet Solved or Closed: the queue (Tasks always have a holder and never wait in it).</summary>
    public List<OpenTicket> Unassigned(string? channelId = null) =>
        Open().Where(t => t.AssigneeId is null && !t.IsTask && (channelId is null || t.ChannelId == channelId));

    /// <summary>Every ticket and Task not yet Solved or Closed.</summary>
    public List<OpenTicket> AllOpen() => Open().Where(_ => true);

    /// <summary>The user's own requests that are not Solved or Closed: what a customer's bare /status shows.</summary>
    public List<OpenTicket> RequestedBy(string userId) =>
        Open().Where(t => t.RequesterId == userId).OrderBy(t => t.Number).ToList();

    public int WaitingCount() => Unassigned().Count;

    private OpenTickets Open()
    {
        // loaded under the store's lock, so no change can commit between the read and the first update
        if (!_open.IsLoaded)
            gate.Write(db => _open.IsLoaded || Load(db));
        return _open;
    }

    private bool Load(LiteDatabase db)
    {
        // through the Status index: only open tickets are read, however many closed ones the years have left
        var open = Enum.GetValues<TicketStatus>().Where(s => !s.IsDone()).Select(s => new BsonValue(s.ToString()));
        _open.Load(Tickets(db).Find(Query.In(nameof(Ticket.Status), open)));
        return true;
    }

    /// <summary>Open tickets matching <paramref name="predicate"/> (a customer's, a channel's), from memory.</summary>
    public List<OpenTicket> OpenWhere(Func<OpenTicket, bool> predicate) => Open().Where(predicate);

    public int Count() => gate.Read(db => Tickets(db).Count());

    /// <summary>Runs <paramref name="work"/> in one transaction; messages it sends are delivered after the commit.</summary>
    public T Change<T>(Func<TicketChangeSet, T> work)
    {
        var set = default(TicketChangeSet);
        var result = gate.Write(db =>
        {
            set = new TicketChangeSet(db, time.GetUtcNow().UtcDateTime);
            var result = work(set);
            if (set.Changed.Count > 0)
            {
                foreach (var hook in hooks)
                    hook.OnChanging(set);
            }
            set.SendDeferred();
            return result;
        }, committed: () =>
        {
            _open.Apply(set!.Changed);
            foreach (var listener in _listeners)
                listener.Committed(set.Changed);
            set.Committed();
        });
        if (set is { SentAny: true })
            signal.Notify();
        return result;
    }

    public static void EnsureIndexes(LiteDatabase db)
    {
        StoreMapping.Prepare<Ticket>(db);
        var tickets = db.GetCollection<Ticket>(Collection);
        tickets.EnsureIndex(t => t.ThreadTs);
        tickets.EnsureIndex(t => t.Status);
    }
}

/// <summary>
/// Told of every committed change, in commit order, while the store's lock is still held: keep it to a quick
/// hand-off (a queue), never I/O.
/// </summary>
public interface ITicketsCommitted
{
    void Committed(IReadOnlyList<Ticket> changed);
}
