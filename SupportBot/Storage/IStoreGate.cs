namespace SupportBot.Storage;

/// <summary>
/// The one way into the store, whichever engine holds it (LiteDB embedded, or PostgreSQL for several replicas).
/// A write is one transaction: a ticket change, the messages it owes and its intake key commit together or not at
/// all. A write inside a write joins it.
/// </summary>
public interface IStoreGate
{
    /// <summary>Opens (and at start checks) the store; throws <see cref="StoreUnavailableException"/>.</summary>
    void Open();

    T Read<T>(Func<IStoreSession, T> read);

    /// <summary>
    /// A read of what is committed, on a session of its own even inside a write (for an in-memory copy, which must not
    /// hold what a write that may still roll back wrote). Where the engine has no such session, the same as
    /// <see cref="Read{T}"/>.
    /// </summary>
    T ReadCommitted<T>(Func<IStoreSession, T> read) => Read(read);

    /// <summary>A read that gives up when the store stays busy for <paramref name="wait"/>; false then.</summary>
    bool TryRead<T>(Func<IStoreSession, T> read, TimeSpan wait, out T? result);

    /// <param name="committed">Runs after the commit: for in-memory state that mirrors the store.</param>
    T Write<T>(Func<IStoreSession, T> work, Action? committed = null);

    void Write(Action<IStoreSession> work);

    /// <summary>
    /// A write no request waits on (the outbox's own bookkeeping: lane leases, marks, retired messages). Where the
    /// engine commits a replica's writes in groups, it commits in a transaction of its own beside them instead of in
    /// one: a group is run write after write, so each such write would lengthen the wait of every request in it.
    /// Otherwise (and inside a write, which it joins) the same as <see cref="Write{T}"/>.
    /// </summary>
    T WriteApart<T>(Func<IStoreSession, T> work) => Write(work);

    void WriteApart(Action<IStoreSession> work) => WriteApart(s => { work(s); return true; });

    /// <summary>A write that gives up when the store stays busy for <paramref name="wait"/>; false then.</summary>
    bool TryWrite(Action<IStoreSession> work, TimeSpan wait);

    /// <summary>Writes waiting for the one being committed.</summary>
    int QueuedWrites { get; }

    /// <summary>True from a write that did not reach the store until the next one that did.</summary>
    bool WriteFailing { get; }

    /// <summary>
    /// True when other processes write the same store (PostgreSQL with several replicas): an in-memory copy of what
    /// is stored would go stale, so it is read from the store instead.
    /// </summary>
    bool Shared { get; }

    /// <summary>
    /// True on a flow running inside a read or write of this gate that holds the store for itself (LiteDB's lock): a
    /// wait there for another reader of the store would wait for itself.
    /// </summary>
    bool HoldsStore => false;
}
