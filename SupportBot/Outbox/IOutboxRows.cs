using SupportBot.Storage;

namespace SupportBot.Outbox;

/// <summary>
/// The queued messages: inserted in the transaction of their cause, deleted once delivered. Leases and expiries are
/// on the store's clock: PostgreSQL, shared by replicas whose clocks may differ, reads its own
/// (<c>clock_timestamp()</c>) and ignores the <c>now</c> it is given; LiteDB, used by one process, has no other
/// clock than that <c>now</c> (the app's).
/// </summary>
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

    /// <summary>
    /// Undelivered messages of the given lanes, the oldest <paramref name="perLane"/> of each, oldest first, each
    /// <see cref="OutboxMessage.ExpiresAt"/> on the clock of <paramref name="now"/> (the reader's): the time it had
    /// left when read, on the store's clock, after now.
    /// </summary>
    List<OutboxMessage> PendingIn(IReadOnlyCollection<string> lanes, DateTime now, int perLane);

    /// <summary>
    /// For replicas sharing the outbox (inside a write): renews <paramref name="owner"/>'s lanes for
    /// <paramref name="lease"/>, takes up to <paramref name="limit"/> more lanes with undelivered messages that
    /// nobody holds or whose holder's lease ran out, lets go of its lanes with nothing left to deliver, and returns
    /// the lanes it now holds with their versions. Another replica's lane stays its own until the lease runs out; a
    /// lane changing hands gets a new version (a renewal keeps it).
    /// </summary>
    List<LaneHold> ClaimLanes(string owner, DateTime now, TimeSpan lease, int limit);

    /// <summary>Lets go of <paramref name="owner"/>'s lanes; another replica may take them after <paramref name="pause"/>.</summary>
    void ReleaseLanes(string owner, DateTime now, TimeSpan pause);

    /// <summary>
    /// Whether <paramref name="owner"/> still holds the lane under the version it claimed, with more than
    /// <paramref name="margin"/> of the lease left: the fencing check made right before a call goes out.
    /// </summary>
    bool Holds(string owner, LaneHold hold, DateTime now, TimeSpan margin);

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
