using SupportBot.Storage;

namespace SupportBot.Slack.Events;

/// <summary>Events API callbacks as received, keyed by <c>event_id</c>.</summary>
public interface IEventRows
{
    StoredEvent? Find(string eventId);

    /// <summary>Stores the event (or replaces one with its id) after every other: its <see cref="StoredEvent.Sequence"/> is set.</summary>
    void Add(StoredEvent stored);

    void Update(StoredEvent stored);

    /// <summary>Events not yet handled, in arrival order.</summary>
    List<StoredEvent> Unprocessed(int limit);

    /// <summary>
    /// For replicas sharing the store (inside a write): up to <paramref name="limit"/> unhandled events, in arrival
    /// order, that no replica is handling (or whose claim ran out), claimed for <paramref name="owner"/> for
    /// <paramref name="claimFor"/>; events another replica is claiming are skipped. On the store's clock: PostgreSQL,
    /// shared by replicas whose clocks may differ, reads its own and ignores <paramref name="now"/>; LiteDB, used by one
    /// process, goes by <paramref name="now"/> (the app's clock).
    /// </summary>
    List<StoredEvent> Claim(string owner, DateTime now, TimeSpan claimFor, int limit);

    /// <summary>Removes handled events received before <paramref name="before"/>; how many.</summary>
    int PruneProcessed(DateTime before);
}

/// <summary>Names the IEventRows on a store session: <c>session.Events</c>.</summary>
public static class EventRowsAccess
{
    extension(IStoreSession session)
    {
        public IEventRows Events => session.Rows<IEventRows>();
    }
}
