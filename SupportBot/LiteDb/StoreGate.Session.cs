using SupportBot.LiteDb;
using SupportBot.Storage;

namespace SupportBot.LiteDb;

/// <summary>The gate as features see it: each read or write gets the LiteDB rows of the one database.</summary>
public sealed partial class StoreGate : IStoreGate
{
    T IStoreGate.Read<T>(Func<IStoreSession, T> read) => Read(db => read(new LiteSession(db)));

    bool IStoreGate.TryRead<T>(Func<IStoreSession, T> read, TimeSpan wait, out T? result) where T : default =>
        TryRead(db => read(new LiteSession(db)), wait, out result);

    T IStoreGate.Write<T>(Func<IStoreSession, T> work, Action? committed) => Write(db => work(new LiteSession(db)), committed);

    void IStoreGate.Write(Action<IStoreSession> work) => Write(db => work(new LiteSession(db)));

    bool IStoreGate.TryWrite(Action<IStoreSession> work, TimeSpan wait) => TryWrite(db => work(new LiteSession(db)), wait);

    /// <summary>One process owns the file (its lock), so in-memory copies stay true.</summary>
    public bool Shared => false;

    public bool HoldsStore => _sync.IsHeldByCurrentThread;
}
