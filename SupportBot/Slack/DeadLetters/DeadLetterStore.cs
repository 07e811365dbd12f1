using SupportBot.Storage;

namespace SupportBot.Slack.DeadLetters;

/// <summary>The dead letters: counted in /health, listed and replayed by <c>deadletters</c> on the command line.</summary>
public sealed class DeadLetterStore(IStoreGate gate, TimeProvider time)
{
    /// <summary>Keeps the letter and returns its id; 0 when even that could not be written (the error log is all there is then).</summary>
    public long Keep(DeadLetterKind kind, string sourceId, string type, string json, Exception reason)
    {
        try
        {
            return gate.Write(s => Keep(s, kind, sourceId, type, json, Reason(reason), time.GetUtcNow().UtcDateTime));
        }
        catch (Exception e) when (StoreFailures.IsWriteFailure(e))
        {
            return 0;
        }
    }

    /// <summary>
    /// An interaction the store refused as read-only (or a standby in a failover), kept for an operator when the store
    /// takes this one write (a failover may have moved the pool to the new primary); 0 when it does not.
    /// </summary>
    public long KeepRefused(StoreWriteFailedException refused, string sourceId, string type, string json) =>
        refused.Failure == StoreFailure.ReadOnly ? Keep(DeadLetterKind.Interaction, sourceId, type, json, refused) : 0;

    public static long Keep(IStoreSession session, DeadLetterKind kind, string sourceId, string type, string json, string reason, DateTime at) =>
        session.DeadLetters.Insert(new DeadLetter { Kind = kind, SourceId = sourceId, Type = type, Json = json, Reason = reason, At = at });

    /// <summary>The count, unless the store stays busy for <paramref name="wait"/> (/health must not hang).</summary>
    public int? TryCount(TimeSpan wait) => gate.TryRead(s => s.DeadLetters.Count(), wait, out var count) ? count : null;

    /// <summary>The exception's type and message, innermost cause included: what an operator needs to judge a replay.</summary>
    public static string Reason(Exception e)
    {
        var root = e;
        while (root.InnerException is not null)
            root = root.InnerException;
        return root == e ? $"{e.GetType().Name}: {e.Message}" : $"{e.GetType().Name}: {e.Message} ({root.GetType().Name}: {root.Message})";
    }
}
