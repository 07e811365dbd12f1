using LiteDB;
using SupportBot.Storage;
using SupportBot.Storage.GroupCommit;

namespace SupportBot.LiteDb;

/// <summary>
/// The one way into LiteDB: a process-wide lock. Writes run in a transaction under it, which makes
/// read-check-write sequences (take a ticket, allocate a number) atomic and puts a ticket change and the Slack
/// messages it owes into one commit. Reads take the same lock, because LiteDB 5.0.21's page cache can hand a
/// concurrent reader a buffer it is recycling (litedb-org/LiteDB#2817: "pages in memory store must be
/// non-shared", after which every call fails); the benchmark hit it under 64 concurrent submissions.
/// The lock is re-entrant, so a read inside a write is fine.
/// <para>
/// A disk that fails a write (full, gone) leaves LiteDB's engine broken for good: later writes fail, and its cache
/// still shows the change that was never saved. So a failed write drops the engine, reports
/// <see cref="StoreWriteFailedException"/>, and the next use opens the file afresh, from what is really on disk.
/// </para>
/// </summary>
public sealed partial class StoreGate(StoreFile file, ILogger<StoreGate> logger) : IDisposable
{
    private readonly Lock _sync = new();
    private readonly WriteQueue<LiteDatabase> _queue = new();
    private LiteDatabase? _database;
    /// <summary>True while this gate's transaction is open (under the lock): a write inside a write joins it.</summary>
    private bool _inTransaction;
    private volatile bool _writeFailed;
    private bool _disposed;

    /// <summary>Writes queued behind the group being committed.</summary>
    public int QueuedWrites => _queue.Waiting;

    /// <summary>True from a write that did not reach the disk until the next one that did.</summary>
    public bool WriteFailing => _writeFailed;

    /// <summary>Opens the store at start, refusing a file cut short (<see cref="StoreCheck"/> reads the rest after start); throws <see cref="StoreUnavailableException"/>.</summary>
    public void Open()
    {
        lock (_sync)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            _database ??= file.Open(verify: true);
        }
    }

    /// <summary>A read, serialized with every other use of the database.</summary>
    public T Read<T>(Func<LiteDatabase, T> read)
    {
        lock (_sync)
            return Guarded(read);
    }

    /// <summary>A read that gives up when the store stays busy for <paramref name="wait"/>; false then.</summary>
    public bool TryRead<T>(Func<LiteDatabase, T> read, TimeSpan wait, out T? result)
    {
        result = default;
        if (!_sync.TryEnter(wait))
            return false;
        try
        {
            result = Guarded(read);
            return true;
        }
        finally
        {
            _sync.Exit();
        }
    }

    /// <summary>
    /// A write in its own transaction, or rather in a group: concurrent writes queue and are committed together
    /// (<see cref="WriteQueue{TStore}"/>), each caller released once its group is on disk. The outcome is the same as one
    /// transaction per caller in queue order; see <see cref="CommitGroup"/> for a group one of whose works fails.
    /// </summary>
    /// <param name="committed">Runs after the commit, still under the lock: for in-memory state that mirrors the store.</param>
    public T Write<T>(Func<LiteDatabase, T> work, Action? committed = null)
    {
        if (_sync.IsHeldByCurrentThread)
            return _inTransaction ? Join(work, committed) : WriteAlone(work, committed);
        var write = new PendingWrite<LiteDatabase>(db => work(db), committed);
        _queue.Submit(write, CommitGroup);
        return write.Outcome<T>();
    }

    /// <summary>A write inside a write: part of the transaction it is in, committed (and on disk) with it.</summary>
    private T Join<T>(Func<LiteDatabase, T> work, Action? committed)
    {
        var result = work(Database);
        committed?.Invoke();
        return result;
    }

    private T WriteAlone<T>(Func<LiteDatabase, T> work, Action? committed)
    {
        lock (_sync)
        {
            LiteDatabase database;
            try
            {
                database = Database;
            }
            catch (Exception e) when (e is StoreUnavailableException || IsStoreFailure(e))
            {
                throw Fail(e);
            }
            // LiteDB transactions belong to the calling thread; nothing inside awaits, so the thread stays put.
            database.BeginTrans();
            StoreSequence.Begin(database);
            _inTransaction = true;
            T result;
            try
            {
                result = work(database);
                StoreSequence.Save(database);
                database.Commit();
            }
            catch (Exception e)
            {
                if (IsStoreFailure(e))
                    throw Fail(e);
                database.Rollback();
                throw;
            }
            finally
            {
                _inTransaction = false;
                StoreSequence.End(database);
            }
            var unflushed = Flush();
            committed?.Invoke();
            return unflushed is null ? result : throw unflushed;
        }
    }

    /// <summary>
    /// Puts the commit on the disk; null when it is. Otherwise it is in the engine and the OS cache but may not
    /// survive a power cut: its callers are told it failed (never a success that might not last), the mirrors
    /// follow the engine, and the engine is dropped so the next use reads what the disk really holds.
    /// </summary>
    private StoreWriteFailedException? Flush()
    {
        try
        {
            file.FlushLog();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Fail(e);
        }
        if (_writeFailed)
            logger.LogWarning("The store saves again");
        _writeFailed = false;
        return null;
    }

    public void Write(Action<LiteDatabase> work) => Write(db => { work(db); return true; });

    /// <summary>A write that gives up when the store stays busy for <paramref name="wait"/>; false then.</summary>
    public bool TryWrite(Action<LiteDatabase> work, TimeSpan wait)
    {
        if (!_sync.TryEnter(wait))
            return false;
        try
        {
            Write(work);
            return true;
        }
        finally
        {
            _sync.Exit();
        }
    }

    /// <summary>The engine; opened again (without the full check) after a failure dropped it. Call under the lock.</summary>
    private LiteDatabase Database
    {
        get
        {
            // a background service still finishing during shutdown must not reopen the file (and take its lock again)
            ObjectDisposedException.ThrowIf(_disposed, this);
            return _database ??= file.Open(verify: false);
        }
    }

    private T Guarded<T>(Func<LiteDatabase, T> read)
    {
        try
        {
            return read(Database);
        }
        catch (Exception e) when (IsStoreFailure(e))
        {
            Drop();
            throw;
        }
    }

    private StoreWriteFailedException Fail(Exception e)
    {
        _writeFailed = true;
        logger.LogError("A write did not reach the store ({Error}); it was not saved and will be reported as failed", e.Message);
        Drop();
        return new StoreWriteFailedException(e);
    }

    private void Drop()
    {
        var database = _database;
        _database = null;
        if (database is not null && BrokenEngine.ForgetTransactions(database) is null)
            logger.LogWarning("Could not take the broken engine's transactions off the finalizer queue (LiteDB internals changed?)");
        try
        {
            database?.Dispose();
        }
        catch (Exception e)
        {
            // a broken engine may fail to close: it is dropped either way, and the file is read afresh
            logger.LogDebug(e, "Closing the broken engine failed");
        }
    }

    /// <summary>The disk or the engine failed, as opposed to a rule of the data (a duplicate key) or a bug in the work.</summary>
    private static bool IsStoreFailure(Exception e) =>
        e is IOException or UnauthorizedAccessException or ObjectDisposedException
        || (e is LiteException lite && lite.ErrorCode != LiteException.INDEX_DUPLICATE_KEY);

    public void Dispose()
    {
        lock (_sync)
        {
            _disposed = true;
            try
            {
                _database?.Dispose();
            }
            finally
            {
                _database = null;
                // the lock goes with the engine, whatever happens: a restart must not find it still held
                file.Dispose();
            }
        }
    }
}
