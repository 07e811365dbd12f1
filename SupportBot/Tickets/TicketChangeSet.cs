using SupportBot.Outbox;
using SupportBot.Storage;

namespace SupportBot.Tickets;

/// <summary>What a change may do inside its transaction: read, insert, update tickets and queue messages.</summary>
public sealed class TicketChangeSet(IStoreSession session, DateTime now)
{
    public DateTime Now { get; } = now;

    public bool SentAny { get; private set; }

    /// <summary>Tickets written by this change; the in-memory open tickets follow them once the commit succeeded.</summary>
    public List<Ticket> Changed { get; } = [];

    /// <summary>Tickets this change created (also in <see cref="Changed"/>): what a hook that follows new tickets reads.</summary>
    public List<Ticket> Inserted { get; } = [];

    public Ticket? Find(int number)
    {
        Flush();
        return session.Tickets.Find(number);
    }

    /// <summary>Every ticket living in a thread, newest first.</summary>
    public List<Ticket> InThread(string channelId, string threadTs)
    {
        Flush();
        return session.Tickets.InThread(channelId, threadTs);
    }

    private (List<Ticket> Tickets, List<OutboxMessage> Messages)? _deferred;

    /// <summary>
    /// Holds this change's ticket updates and queued messages until <see cref="Flush"/> (before any ticket read through
    /// this set, before the change hooks and before the commit): a sweep's batch then costs PostgreSQL one statement
    /// for its tickets and one for its messages instead of a round trip each. Messages keep their order.
    /// </summary>
    public void DeferWrites() => _deferred ??= ([], []);

    /// <summary>Writes what <see cref="DeferWrites"/> held back.</summary>
    public void Flush()
    {
        if (_deferred is not var (tickets, messages))
            return;
        if (tickets.Count > 0)
            session.Tickets.UpdateMany(tickets);
        if (messages.Count > 0)
            OutboxStore.EnqueueMany(session, messages, Now);
        tickets.Clear();
        messages.Clear();
    }

    /// <summary>
    /// The newest ticket of a thread: a follow-up shares its closed original's thread, and from then on the
    /// thread's replies are the follow-up's.
    /// </summary>
    public Ticket? CurrentInThread(string channelId, string threadTs) => InThread(channelId, threadTs).FirstOrDefault();

    /// <summary>Inserts a new ticket with the next number (#1, #2, …); numbers never repeat, even after deletes.</summary>
    public Ticket Insert(Ticket ticket)
    {
        ticket.CreatedAt = Now;
        ticket.UpdatedAt = Now;
        session.Tickets.Insert(ticket);
        Changed.Add(ticket);
        Inserted.Add(ticket);
        return ticket;
    }

    public void Update(Ticket ticket)
    {
        ticket.UpdatedAt = Now;
        if (_deferred is var (tickets, _))
            tickets.Add(ticket);
        else
            session.Tickets.Update(ticket);
        Changed.Add(ticket);
    }

    private List<Action>? _afterCommit;

    /// <summary>Runs <paramref name="action"/> once the change has committed (counting it in metrics, say); never on a rollback.</summary>
    public void AfterCommit(Action action) => (_afterCommit ??= []).Add(action);

    internal void Committed()
    {
        foreach (var action in _afterCommit ?? [])
            action();
    }

    /// <summary>Queues a message; null (a customer who cannot be told anything) queues nothing.</summary>
    public void Send(OutboxMessage? message)
    {
        if (message is null)
            return;
        if (_deferred is var (_, messages))
            messages.Add(message);
        else
            OutboxStore.Enqueue(session, message, Now);
        SentAny = true;
    }

    private List<OutboxMessage>? _last;

    /// <summary>
    /// Sends after everything else this change sends, still in its transaction: a hook's follow-up (the CSAT question)
    /// comes after the message that announced the change, though the hook runs before it is queued.
    /// </summary>
    public void SendLast(OutboxMessage? message)
    {
        if (message is not null)
            (_last ??= []).Add(message);
    }

    internal void SendDeferred()
    {
        foreach (var message in _last ?? [])
            Send(message);
        _last = null;
    }

    public IStoreSession Session => session;
}
