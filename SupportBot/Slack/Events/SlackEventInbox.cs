using SupportBot.Storage;

namespace SupportBot.Slack.Events;

/// <summary>
/// Events are committed here before Slack gets its 200, then handled by <see cref="SlackEventProcessor"/>.
/// Processed ids are kept (and pruned after a week) so retries hours later, or after a restart, do nothing.
/// </summary>
public sealed class SlackEventInbox(IStoreGate gate, ReplicaIdentity replica, TimeProvider time) : IDisposable
{
    public static readonly TimeSpan KeepFor = TimeSpan.FromDays(7);

    /// <summary>With several replicas: how long one may handle an event it claimed before another takes it over.</summary>
    public static readonly TimeSpan ClaimFor = TimeSpan.FromMinutes(1);
    private readonly SemaphoreSlim _signal = new(0, int.MaxValue);

    /// <summary>False when the event was seen before (a retry).</summary>
    public bool Accept(string eventId, string type, string json)
    {
        var added = gate.Write(s =>
        {
            if (s.Events.Find(eventId) is not null)
                return false;
            s.Events.Add(new StoredEvent { EventId = eventId, Type = type, Json = json, ReceivedAt = time.GetUtcNow().UtcDateTime });
            return true;
        });
        if (added)
            _signal.Release();
        return added;
    }

    /// <summary>
    /// A dead letter back in line (<c>deadletters retry</c>): handled on the processor's next round, at once when the
    /// running bot ran the command (it calls <see cref="Notify"/>), else when the bot starts.
    /// </summary>
    public static void Requeue(IStoreSession session, string eventId, string type, string json, DateTime now) =>
        session.Events.Add(new StoredEvent { EventId = eventId, Type = type, Json = json, ReceivedAt = now });

    public List<StoredEvent> Unprocessed(int limit) => gate.Read(s => s.Events.Unprocessed(limit));

    /// <summary>
    /// The events to handle next: alone on the store, every unhandled one; beside other replicas, those this replica
    /// claimed, so two replicas never handle one event at once and a dead replica's events wait only out the claim.
    /// </summary>
    public List<StoredEvent> Next(int limit)
    {
        if (!gate.Shared)
            return Unprocessed(limit);
        var now = time.GetUtcNow().UtcDateTime;
        return gate.Write(s => s.Events.Claim(replica.Id, now, ClaimFor, limit));
    }

    public void MarkProcessed(StoredEvent stored)
    {
        stored.ProcessedAt = time.GetUtcNow().UtcDateTime;
        gate.Write(s => s.Events.Update(stored));
    }

    public void MarkAttempt(StoredEvent stored)
    {
        stored.Attempts++;
        stored.ClaimedUntil = null; // free for the next round, here or on another replica
        gate.Write(s => s.Events.Update(stored));
    }

    public int Prune()
    {
        var before = time.GetUtcNow().UtcDateTime - KeepFor;
        return gate.Write(s => s.Events.PruneProcessed(before));
    }

    /// <summary>Wakes the processor: events were put back in line outside <see cref="Accept"/>.</summary>
    public void Notify() => _signal.Release();

    public void Dispose() => _signal.Dispose();

    public Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _signal.WaitAsync(timeout, cancellationToken);
}
