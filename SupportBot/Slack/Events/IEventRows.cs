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

    /// <summary>Removes handled events received before <paramref name="before"/>; how many.</summary>
    int PruneProcessed(DateTime before);
}
