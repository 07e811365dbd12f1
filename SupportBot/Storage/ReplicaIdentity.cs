namespace SupportBot.Storage;

/// <summary>
/// This process among the replicas sharing a store: the name it holds outbox lanes and events under. New at every
/// start, so a restarted replica never mistakes its previous life's leases for its own.
/// </summary>
public sealed class ReplicaIdentity
{
    public string Id { get; } = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid().ToString("N")[..8]}";
}
