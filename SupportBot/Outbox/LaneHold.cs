namespace SupportBot.Outbox;

/// <summary>
/// A lane as its holder claimed it: <see cref="Version"/> is the fencing token, changed whenever the lane changes hands.
/// </summary>
public sealed record LaneHold(string Lane, long Version);

/// <summary>What one round of a replica's worker holds: its lanes and their undelivered messages, oldest first.</summary>
public sealed record OwnLanes(IReadOnlyList<LaneHold> Holds, List<OutboxMessage> Messages);

/// <summary>
/// What a lane's delivery checks before each call: <see cref="Owner"/> still holds <see cref="Hold"/>, with at least
/// <see cref="Margin"/> of its lease left (by the store's clock), enough for the call to finish inside the lease.
/// </summary>
public sealed record LaneFence(string Owner, LaneHold Hold, TimeSpan Margin);

/// <summary>The lane changed hands (or its lease ran out) since its holder claimed it: it must not post.</summary>
public sealed class OutboxLaneLostException(string lane)
    : Exception($"The outbox lane {lane} is no longer held by this replica");
