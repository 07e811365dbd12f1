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

    private List<Ticket>? _deferred;

    /// <summary>
    /// Messages wait for <see cref="Flush"/> in every change (nothing reads them back before the commit): a form's
    /// two messages were two of the ~9 round trips its write took on PostgreSQL, and are one statement now.
    /// </summary>
    private readonly List<OutboxMessage> _messages = [];

    /// <summary>
    /// Holds this change's ticket updates until <see cref="Flush"/> too (before any ticket read through this set,
    /// before the change hooks and before the commit): a sweep's batch then costs PostgreSQL one statement for its
    /// tickets instead of a round trip each.
    /// </summary>
    public void DeferWrites() => _deferred ??= [];

    /// <summary>Writes what waits: the ticket updates <see cref="DeferWrites"/> held back, and the messages in their order.</summary>
    public void Flush()
    {
        FlushTickets();
        if (_messages.Count > 0)
            OutboxStore.EnqueueMany(session, _messages, Now);
        _messages.Clear();
    }

    /// <summary>Writes the held ticket updates only: what the change hooks read.</summary>
    internal void FlushTickets()
    {
        if (_deferred is not { Count: > 0 } tickets)
            return;
        session.Tickets.UpdateMany(tickets);
        tickets.Clear();
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
        if (_deferred is { } tickets)
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
        _messages.Add(message);
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
