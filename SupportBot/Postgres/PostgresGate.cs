using System.Data;
using Npgsql;
using SupportBot.Storage;
using SupportBot.Storage.GroupCommit;

using SupportBot.Tickets;

namespace SupportBot.Postgres;

/// <summary>
/// The store on PostgreSQL, shared by every replica. A replica's concurrent writes commit as one READ COMMITTED
/// transaction (<see cref="CommitGroup"/>); ticket reads inside it lock their rows, so writers on different replicas
/// queue per ticket instead of per store. A write that loses a race (deadlock, serialization failure, or a unique key
/// another replica just committed) is run again from the start, up to <see cref="Attempts"/> times: the works are
/// written to be run again, as the LiteDB group commit also does. A write the database did not confirm is a
/// <see cref="StoreWriteFailedException"/>. Its waits are bounded (<see cref="PostgresOptions"/>): a row held elsewhere
/// past them is a <see cref="StoreFailure.Busy"/> failure, answered while Slack still shows the answer. Without
/// options (the command line's verbs, which no one waits on in Slack) its waits are the server's.
/// </summary>
public sealed partial class PostgresGate(NpgsqlDataSource source, ILogger<PostgresGate> logger, PostgresOptions? options = null,
    TimeProvider? time = null) : IStoreGate
{
    public const int Attempts = 5;

    /// <summary>The session of the write (or read) running on this flow, so a write inside a write joins it.</summary>
    private readonly AsyncLocal<PgSession?> _current = new();
    private readonly WriteQueue<IStoreSession> _queue = new(LargestGroup);
    private readonly string? _setTimeouts = options?.SetLocalTimeouts();
    private volatile bool _writeFailed;
    private int _writing;
    private long _readOnlySinceTicks;

    /// <summary>Since when writes have been refused as read-only (SQLSTATE 25006), or null while they are not.</summary>
    public DateTimeOffset? ReadOnlySince =>
        Interlocked.Read(ref _readOnlySinceTicks) is var ticks and not 0 ? new DateTimeOffset(ticks, TimeSpan.Zero) : null;

    public bool Shared => true;

    public int QueuedWrites => Volatile.Read(ref _writing);

    public bool WriteFailing => _writeFailed;

    public void Open()
    {
        try
        {
            Read(s => s.Tickets.Count());
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException)
        {
            throw new StoreUnavailableException($"PostgreSQL (ConnectionStrings:Postgres) does not answer: {e.Message}", e);
        }
    }

    public T Read<T>(Func<IStoreSession, T> read)
    {
        if (_current.Value is { } open)
            return read(open);
        return ReadCommitted(read);
    }

    public T ReadCommitted<T>(Func<IStoreSession, T> read)
    {
        using var connection = source.OpenConnection();
        return Within(new PgSession(connection, null), read);
    }

    /// <summary>Reads never wait on a process-wide lock here; the wait bounds a database that does not answer.</summary>
    public bool TryRead<T>(Func<IStoreSession, T> read, TimeSpan wait, out T? result)
    {
        var reading = Task.Run(() => Read(read));
        try
        {
            if (!reading.Wait(wait))
            {
                result = default;
                return false;
            }
        }
        catch (AggregateException e) when (e.InnerException is not null)
        {
            throw e.InnerException;
        }
        result = reading.Result;
        return true;
    }

    /// <summary>
    /// A write in its own transaction, or rather in a group: concurrent writes on this replica queue and commit
    /// together (<see cref="CommitGroup"/>), under one hold of the rows they share and one WAL flush.
    /// </summary>
    public T Write<T>(Func<IStoreSession, T> work, Action? committed = null)
    {
        if (_current.Value is { Writing: true } open)
        {
            var joined = work(open);
            committed?.Invoke();
            return joined;
        }
        Interlocked.Increment(ref _writing);
        try
        {
            var write = new PendingWrite<IStoreSession>(s => work(s), committed);
            _queue.Submit(write, CommitGroup);
            return write.Outcome<T>();
        }
        finally
        {
            Interlocked.Decrement(ref _writing);
        }
    }

    public void Write(Action<IStoreSession> work) => Write(s => { work(s); return true; });

    /// <summary>
    /// Beside the groups, on a connection of its own (<see cref="WriteAlone"/>): measured at 1 connection, the outbox's
    /// rounds, marks and deletes were two thirds of the writes the groups ran, each ahead of a waiting request.
    /// </summary>
    public T WriteApart<T>(Func<IStoreSession, T> work) =>
        _current.Value is { Writing: true } open ? work(open) : (T)WriteAlone(s => work(s))!;

    public bool TryWrite(Action<IStoreSession> work, TimeSpan wait)
    {
        Write(work);
        return true;
    }

    /// <summary>One write in its own transaction, run again from the start when it loses a race.</summary>
    private object? WriteAlone(Func<IStoreSession, object?> work)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                using var connection = source.OpenConnection();
                using var transaction = Begin(connection);
                var result = Within(new PgSession(connection, transaction), work);
                transaction.Commit();
                Saved();
                return result;
            }
            catch (PostgresException e) when (PgFailures.LostARace(e))
            {
                // still losing on the last attempt is contention, not the store failing: "try again" (a key
                // violation used to escape as the driver's exception, a 500 in a request)
                if (attempt == Attempts)
                    throw Failed(e, StoreFailure.Busy);
                logger.LogDebug("A write lost a race ({State}); running it again", e.SqlState);
            }
            catch (Exception e) when (PgFailures.Classify(e) is { } failure)
            {
                throw Failed(e, failure);
            }
        }
    }

    /// <summary>A transaction on <paramref name="connection"/>, its waits bounded.</summary>
    private NpgsqlTransaction Begin(NpgsqlConnection connection)
    {
        var transaction = connection.BeginTransaction(IsolationLevel.ReadCommitted);
        if (_setTimeouts is not null)
        {
            using var bounded = new NpgsqlCommand(_setTimeouts, connection, transaction);
            bounded.ExecuteNonQuery();
        }
        return transaction;
    }

    private void Saved()
    {
        if (_writeFailed)
            logger.LogWarning("The store saves again");
        _writeFailed = false;
        Interlocked.Exchange(ref _readOnlySinceTicks, 0);
    }

    /// <summary>Notes that the database takes no writes, keeping the first time it was noticed (<see cref="ReadOnlySince"/>).</summary>
    public void RefusedAsReadOnly() =>
        Interlocked.CompareExchange(ref _readOnlySinceTicks, (time ?? TimeProvider.System).GetUtcNow().UtcTicks, 0);

    private StoreWriteFailedException Failed(Exception e, StoreFailure failure)
    {
        if (failure == StoreFailure.Busy)
        {
            // a row held elsewhere is not the store failing: /health stays as it is, the user is asked to try again
            logger.LogWarning("A write waited too long for a row another change holds ({Error}); it was not saved", e.Message);
            return new StoreWriteFailedException(e, failure);
        }
        _writeFailed = true;
        if (failure == StoreFailure.ReadOnly)
            RefusedAsReadOnly();
        logger.LogError("A write did not reach the store ({Error}); it was not saved and will be reported as failed", e.Message);
        return new StoreWriteFailedException(e, failure);
    }

    private T Within<T>(PgSession session, Func<IStoreSession, T> work)
    {
        var outer = _current.Value;
        _current.Value = session;
        try
        {
            return work(session);
        }
        finally
        {
            _current.Value = outer;
        }
    }
}
