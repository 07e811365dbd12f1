namespace SupportBot.Outbox;

/// <summary>
/// The worker's undelivered messages by lane, each lane oldest first. A round looks at each lane's head, so its cost
/// follows the number of lanes, not the backlog: regrouping every pending message on each round made a burst of form
/// submissions cost O(backlog) per commit (every commit wakes the worker) while the paced channels' lanes filled up.
/// </summary>
public sealed class PendingLanes
{
    private readonly Dictionary<string, SortedDictionary<long, OutboxMessage>> _lanes = new(StringComparer.Ordinal);

    public bool IsEmpty => _lanes.Count == 0;

    public void Add(OutboxMessage message)
    {
        if (!_lanes.TryGetValue(message.Lane, out var lane))
            _lanes[message.Lane] = lane = [];
        lane[message.Id] = message;
    }

    /// <summary>Each lane's messages in id order (ids grow in commit order); live views, so read them before removing.</summary>
    public List<IReadOnlyCollection<OutboxMessage>> Lanes() => [.. _lanes.Values.Select(lane => lane.Values)];

    public void Remove(OutboxMessage message)
    {
        if (_lanes.TryGetValue(message.Lane, out var lane) && lane.Remove(message.Id) && lane.Count == 0)
            _lanes.Remove(message.Lane);
    }

    public void Clear() => _lanes.Clear();
}
