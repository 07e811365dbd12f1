using SupportBot.Storage;

namespace SupportBot.Tickets;

/// <summary>The stored tickets. Inside a write, a ticket read is locked until the commit (two replicas never both take it).</summary>
public interface ITicketRows
{
    Ticket? Find(int number);

    /// <summary>Gives the ticket the next number (#1, #2, … with no gaps; numbers never repeat) and stores it.</summary>
    void Insert(Ticket ticket);

    void Update(Ticket ticket);

    /// <summary>
    /// Updates each ticket as <see cref="Update"/> would, in one statement where the store has them (a sweep's
    /// batch). A number listed twice ends as its last entry.
    /// </summary>
    void UpdateMany(IReadOnlyCollection<Ticket> tickets);

    /// <summary>Every ticket living in a thread, newest first.</summary>
    List<Ticket> InThread(string channelId, string threadTs);

    /// <summary>Tickets and Tasks not yet Solved or Closed.</summary>
    List<Ticket> Open();

    /// <summary>
    /// Up to <paramref name="limit"/> tickets and Tasks not yet Solved or Closed numbered above
    /// <paramref name="after"/>, by number, with only the fields the queue shows read: what loads
    /// <see cref="OpenTickets"/> a chunk at a time.
    /// </summary>
    List<OpenTicket> OpenAfter(int after, int limit);

    Ticket? ByTriageCard(string ts);

    /// <summary>Tickets with an escalation posted at <paramref name="ts"/>.</summary>
    List<Ticket> ByEscalation(string ts);

    /// <summary>Whether any ticket's <paramref name="clock"/> instant has come by <paramref name="now"/>.</summary>
    bool AnyDue(SlaClock clock, DateTime now);

    /// <summary>Up to <paramref name="limit"/> tickets whose <paramref name="clock"/> instant has come (locked inside a write).</summary>
    List<Ticket> Due(SlaClock clock, DateTime now, int limit);

    /// <summary>Tickets numbered <paramref name="first"/> to <paramref name="last"/> changed at or after <paramref name="since"/>.</summary>
    List<Ticket> Range(int first, int last, DateTime since);

    /// <summary>Up to <paramref name="limit"/> tickets numbered above <paramref name="after"/>, by number.</summary>
    List<Ticket> After(int after, int limit);

    int Count();

    int HighestNumber();
}

/// <summary>The SLA instants a sweep walks, each indexed.</summary>
public enum SlaClock
{
    NextCheck,
    PendingNext,
    AutoClose,

    /// <summary><see cref="Ticket.OfferDueAt"/>: the rotation's next offer, lapse or clean-up.</summary>
    Offer,
}

/// <summary>Names the ITicketRows on a store session: <c>session.Tickets</c>.</summary>
public static class TicketRowsAccess
{
    extension(IStoreSession session)
    {
        public ITicketRows Tickets => session.Rows<ITicketRows>();
    }
}
