using LiteDB;

namespace SupportBot.Storage;

/// <summary>
/// The one way into LiteDB: a process-wide lock. Writes run in a transaction under it, which makes
/// read-check-write sequences (take a ticket, allocate a number) atomic and puts a ticket change and the Slack
/// messages it owes into one commit. Reads take the same lock, because LiteDB 5.0.21's page cache can hand a
/// concurrent reader a buffer it is recycling (litedb-org/LiteDB#2817: "pages in memory store must be
/// non-shared", after which every call fails); the benchmark hit it under 64 concurrent submissions.
/// The lock is re-entrant, so a read inside a write is fine.
/// </summary>
public sealed class StoreGate(LiteDatabase database)
{
    private readonly Lock _sync = new();

    /// <summary>A read, serialized with every other use of the database.</summary>
    public T Read<T>(Func<LiteDatabase, T> read)
    {
        lock (_sync)
            return read(database);
    }

    /// <summary>A read that gives up when the store stays busy for <paramref name="wait"/>; false then.</summary>
    public bool TryRead<T>(Func<LiteDatabase, T> read, TimeSpan wait, out T? result)
    {
        result = default;
        if (!_sync.TryEnter(wait))
            return false;
        try
        {
            result = read(database);
            return true;
        }
        finally
        {
            _sync.Exit();
        }
    }

    /// <param name="committed">Runs after the commit, still under the lock: for in-memory state that mirrors the store.</param>
    public T Write<T>(Func<LiteDatabase, T> work, Action? committed = null)
    {
        lock (_sync)
        {
            // LiteDB transactions belong to the calling thread; nothing inside awaits, so the thread stays put.
            database.BeginTrans();
            try
            {
                var result = work(database);
                database.Commit();
                committed?.Invoke();
                return result;
            }
            catch
            {
                database.Rollback();
                throw;
            }
        }
    }

    public void Write(Action<LiteDatabase> work) => Write(db => { work(db); return true; });
}
