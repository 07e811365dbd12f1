using SupportBot.Outbox;
using SupportBot.Storage;

namespace SupportBot.Tickets;

/// <summary>
/// Tickets, read and written through the <see cref="IStoreGate"/>. Every change goes through
/// <see cref="Change{T}"/>, which commits the ticket and the Slack messages it owes together, keeps the in-memory
/// open tickets current (in a store only this process writes), and then wakes the outbox.
/// </summary>
public sealed class TicketStore(IStoreGate gate, OpenTickets open, OpenTicketsLoader loader, OutboxSignal signal, TimeProvider time,
    IEnumerable<ITicketsCommitted> listeners, IEnumerable<ITicketsChangedHook> hooks)
{
    private readonly OpenTickets _open = open;
    private readonly IReadOnlyList<ITicketsCommitted> _listeners = listeners.ToList();

    public Ticket? Find(int number) => gate.Read(s => s.Tickets.Find(number));

    /// <summary>The user's tickets that are not Solved or Closed.</summary>
    public List<OpenTicket> AssignedTo(string userId) => Open().HeldBy(userId);

    /// <summary>Unassigned requests not yet Solved or Closed: the queue (Tasks always have a holder and never wait in it).</summary>
    public List<OpenTicket> Unassigned(string? channelId = null) =>
        Open().Where(t => OpenTickets.Waiting(t) && (channelId is null || t.ChannelId == channelId));

    /// <summary>Every ticket and Task not yet Solved or Closed.</summary>
    public List<OpenTicket> AllOpen() => Open().Where(_ => true);

    /// <summary>The user's own requests that are not Solved or Closed: what a customer's bare /status shows.</summary>
    public List<OpenTicket> RequestedBy(string userId) =>
        Open().Where(t => t.RequesterId == userId).OrderBy(t => t.Number).ToList();

    /// <summary>Counted, not listed: every bare <c>/ticket</c> asks, and a list of thousands per ack was its main cost.</summary>
    public int WaitingCount() => Open().WaitingCount();

    private OpenTickets Open()
    {
        // other replicas change tickets too: read the open ones through the status index, never a stale copy
        if (gate.Shared)
            return Fresh();
        // loaded after start (OpenTicketsLoader): a request before that waits for that one load (a read of its own per
        // waiting request piled up: at 1,000,000 tickets none was answered within 3 s for minutes). Not inside a
        // write, which holds the lock the load needs: it waited its whole bound with every other write queued behind
        // it. Then, or if the load failed or took too long, it reads them itself
        return _open.IsLoaded || loader.WaitLoaded() ? _open : Fresh();
    }

    private OpenTickets Fresh()
    {
        var fresh = new OpenTickets();
        fresh.Load(OpenTickets.ReadInChunks(gate, ReadChunk).SelectMany(chunk => chunk));
        return fresh;
    }

    /// <summary>Open tickets per query on a shared store, whose server builds each from the fields the queue shows.</summary>
    private const int ReadChunk = 5000;

    /// <summary>Open tickets matching <paramref name="predicate"/> (a customer's, a channel's), from memory.</summary>
    public List<OpenTicket> OpenWhere(Func<OpenTicket, bool> predicate) => Open().Where(predicate);

    public int Count() => gate.Read(s => s.Tickets.Count());

    /// <summary>Runs <paramref name="work"/> in one transaction; messages it sends are delivered after the commit.</summary>
    public T Change<T>(Func<TicketChangeSet, T> work)
    {
        var set = default(TicketChangeSet);
        var result = gate.Write(session =>
        {
            set = new TicketChangeSet(session, time.GetUtcNow().UtcDateTime);
            var result = work(set);
            set.FlushTickets(); // the hooks read the tickets as the work left them; messages wait for the one insert below
            if (set.Changed.Count > 0)
            {
                foreach (var hook in hooks)
                    hook.OnChanging(set);
            }
            set.SendDeferred();
            set.Flush();
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
}

/// <summary>
/// Told of every committed change: this process's in commit order, while the store's lock is still held; with
/// replicas sharing the store, also every replica's (this one's again, too) from the change feed, some more than
/// once. Keep it to a quick, idempotent hand-off (a queue, an upsert), never I/O.
/// </summary>
public interface ITicketsCommitted
{
    void Committed(IReadOnlyList<Ticket> changed);
}
