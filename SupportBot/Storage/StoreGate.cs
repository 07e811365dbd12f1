using LiteDB;

namespace SupportBot.Storage;

/// <summary>
/// The one way to write: a process-wide lock around a LiteDB transaction. LiteDB has a single writer anyway;
/// taking the lock here makes read-check-write sequences (take a ticket, allocate a number) atomic, and puts a
/// ticket change and the Slack messages it owes into one commit.
/// </summary>
public sealed class StoreGate(LiteDatabase database)
{
    private readonly Lock _sync = new();

    public LiteDatabase Database => database;

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
