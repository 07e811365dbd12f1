using LiteDB;
using SupportBot.Outbox;

namespace SupportBot.Tickets;

/// <summary>What a change may do inside its transaction: read, insert, update tickets and queue messages.</summary>
public sealed class TicketChangeSet(LiteDatabase db, DateTime now)
{
    public DateTime Now { get; } = now;

    public bool SentAny { get; private set; }

    /// <summary>Tickets written by this change; the in-memory open tickets follow them once the commit succeeded.</summary>
    public List<Ticket> Changed { get; } = [];

    private ILiteCollection<Ticket> Tickets => db.GetCollection<Ticket>(TicketStore.Collection);

    public Ticket? Find(int number) => Tickets.FindById(number);

    /// <summary>Every ticket living in a thread, newest first.</summary>
    public List<Ticket> InThread(string channelId, string threadTs) =>
        Tickets.Find(t => t.ThreadTs == threadTs && t.ChannelId == channelId).OrderByDescending(t => t.Number).ToList();

    /// <summary>
    /// The newest ticket of a thread: a follow-up shares its closed original's thread, and from then on the
    /// thread's replies are the follow-up's.
    /// </summary>
    public Ticket? CurrentInThread(string channelId, string threadTs) => InThread(channelId, threadTs).FirstOrDefault();

    /// <summary>Inserts a new ticket with the next number (#1, #2, …); numbers never repeat, even after deletes.</summary>
    public Ticket Insert(Ticket ticket)
    {
        var number = (int)Storage.StoreSequence.Next(db, "tickets");
        ticket.Number = number;
        ticket.CreatedAt = Now;
        ticket.UpdatedAt = Now;
        Tickets.Insert(ticket);
        Changed.Add(ticket);
        return ticket;
    }

    public void Update(Ticket ticket)
    {
        ticket.UpdatedAt = Now;
        Tickets.Update(ticket);
        Changed.Add(ticket);
    }

    public void Send(OutboxMessage message)
    {
        OutboxStore.Enqueue(db, message, Now);
        SentAny = true;
    }

    public LiteDatabase Database => db;
}
