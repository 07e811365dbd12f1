using SupportBot.Storage;

namespace SupportBot.Outbox;

/// <summary>The queued messages: inserted in the transaction of their cause, deleted once delivered.</summary>
public interface IOutboxRows
{
    /// <summary>
    /// Stores the message with a new id; ids never repeat. In a store one process writes they also grow in commit
    /// order; across replicas (PostgreSQL sequences) they need not.
    /// </summary>
    void Insert(OutboxMessage message);

    /// <summary>Inserts each message as <see cref="Insert"/> would, in list order (ids grow along it), in one statement where the store has them.</summary>
    void InsertMany(IReadOnlyList<OutboxMessage> messages);

    void Update(OutboxMessage message);

    void Delete(long id);

    /// <summary>Undelivered messages queued after <paramref name="afterId"/>, oldest first.</summary>
    List<OutboxMessage> PendingAfter(long afterId, int limit);

    /// <summary>Undelivered messages of the given lanes, oldest first.</summary>
    List<OutboxMessage> PendingIn(IReadOnlyCollection<string> lanes, int limit);

    /// <summary>
    /// For replicas sharing the outbox (inside a write): renews <paramref name="owner"/>'s lanes until
    /// <paramref name="leaseUntil"/>, takes up to <paramref name="limit"/> more lanes with undelivered messages that
    /// nobody holds or whose holder's lease ran out by <paramref name="now"/>, lets go of its lanes with nothing left
    /// to deliver, and returns the lanes it now holds. Another replica's lane stays its own until the lease runs out.
    /// </summary>
    List<string> ClaimLanes(string owner, DateTime now, DateTime leaseUntil, int limit);

    /// <summary>Lets go of <paramref name="owner"/>'s lanes; another replica may take them from <paramref name="until"/>.</summary>
    void ReleaseLanes(string owner, DateTime until);

    int CountPending();

    int CountSetAside();

    /// <summary>Messages Slack refused for good, oldest first.</summary>
    List<OutboxMessage> SetAside();
}

/// <summary>Names the IOutboxRows on a store session: <c>session.Outbox</c>.</summary>
public static class OutboxRowsAccess
{
    extension(IStoreSession session)
    {
        public IOutboxRows Outbox => session.Rows<IOutboxRows>();
    }
}
