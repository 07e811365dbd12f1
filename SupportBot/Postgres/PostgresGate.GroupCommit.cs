using System.Diagnostics;
using Npgsql;
using SupportBot.Storage;
using SupportBot.Storage.GroupCommit;

namespace SupportBot.Postgres;

/// <summary>
/// Committing a replica's queued writes (see <see cref="WriteQueue{TStore}"/>) as one transaction: one hold of the
/// ticket counter row for the whole group, and one WAL flush, where each write used to hold the counter through its
/// own flush while every other writer of the cluster queued behind it.
/// </summary>
public sealed partial class PostgresGate
{
    /// <summary>
    /// A group's writes at most. Each runs in a savepoint, and a transaction past 64 subtransactions that wrote
    /// makes every other session's snapshot look them up on disk (PostgreSQL's subtransaction cache overflows).
    /// </summary>
    public const int LargestGroup = 32;

    // one savepoint per write, never released (a release would be a second statement in the command, see
    // PostgresOptions.SetLocalTimeouts): each nests in the one before, and going back to one undoes that write only
    private static string Savepoint(int write) => $"savepoint w{write}";

    private static string BackTo(int write) => $"rollback to savepoint w{write}";

    /// <summary>
    /// Each work runs in a savepoint, so one that fails is undone alone: a row held past <c>lock_timeout</c> is
    /// answered as busy at once, any other failure (a lost race, a rule of the data) runs again alone once the group
    /// is committed, where it fails or succeeds as it would have by itself. A group whose transaction itself fails
    /// before the commit runs again write by write; a failed commit fails the group, as it would fail one write.
    /// </summary>
    private void CommitGroup(IReadOnlyList<PendingWrite<IStoreSession>> group)
    {
        if (group.Count == 1)
        {
            CommitAlone(group[0]);
            return;
        }
        List<PendingWrite<IStoreSession>> again;
        try
        {
            again = CommitTogether(group);
        }
        catch (Exception e) when (e is SessionLost || PgFailures.Classify(e) is not null)
        {
            // before the commit (the commit's own failure fails the group in Commit): nothing of it was saved
            logger.LogDebug("A group of {Count} writes failed before its commit ({Error}); each runs alone", group.Count, e.Message);
            again = [.. group.Where(w => !w.IsDone)];
        }
        foreach (var write in again)
            CommitAlone(write);
    }

    private List<PendingWrite<IStoreSession>> CommitTogether(IReadOnlyList<PendingWrite<IStoreSession>> group)
    {
        using var connection = source.OpenConnection();
        using var transaction = Begin(connection);
        var session = new PgSession(connection, transaction);
        var results = new object?[group.Count];
        var again = new List<PendingWrite<IStoreSession>>();
        var kept = new List<int>();
        // real time, not the app's clock: the server's lock waits are real
        var started = Stopwatch.GetTimestamp();
        var refused = false;
        for (var i = 0; i < group.Count; i++)
        {
            // once one write met a row held past the bound, the others get what is left of it: a group of writes
            // waiting for one held row is answered within one lock_timeout, not one each
            if (refused && options?.LockWaitLeft(Stopwatch.GetElapsedTime(started)) is { } lockWait)
                Run(connection, transaction, lockWait);
            Run(connection, transaction, Savepoint(i));
            try
            {
                results[i] = Within(session, group[i].Work);
                kept.Add(i);
            }
            catch (Exception e)
            {
                Undo(connection, transaction, i, e);
                if (PgFailures.Classify(e) == StoreFailure.Busy)
                {
                    refused = true;
                    group[i].Fail(Failed(e, StoreFailure.Busy));
                }
                else
                    again.Add(group[i]);
            }
        }
        var ran = Stopwatch.GetElapsedTime(started);
        Commit(transaction, group, kept);
        // what a group's time goes to (found with it: the writes run one after another, ~9 round trips each, and
        // take ~95% of it; the commit's WAL flush the rest): Logging:LogLevel:SupportBot.Postgres.PostgresGate=Debug
        logger.LogDebug("A group of {Count} writes: {Running} ms running them, {Committing} ms committing", group.Count,
            (long)ran.TotalMilliseconds, (long)(Stopwatch.GetElapsedTime(started) - ran).TotalMilliseconds);
        foreach (var i in kept)
            Finish(group[i], results[i]);
        return again;
    }

    private void Commit(NpgsqlTransaction transaction, IReadOnlyList<PendingWrite<IStoreSession>> group, List<int> kept)
    {
        try
        {
            transaction.Commit();
            Saved();
        }
        catch (Exception e) when (PgFailures.Classify(e) is { } failure)
        {
            var failed = Failed(e, failure);
            foreach (var i in kept)
                group[i].Fail(failed);
        }
    }

    /// <summary>
    /// Goes back to before the failed work. A session the server ended (<c>idle_in_transaction_session_timeout</c>
    /// while this replica was paused) or a lost connection has no savepoint left, and Npgsql refuses the command on
    /// its completed transaction: the group then runs again write by write (found by the paused-replica test).
    /// </summary>
    private static void Undo(NpgsqlConnection connection, NpgsqlTransaction transaction, int write, Exception failure)
    {
        try
        {
            Run(connection, transaction, BackTo(write));
        }
        catch (Exception e) when (e is InvalidOperationException or NpgsqlException)
        {
            throw new SessionLost(failure);
        }
    }

    private sealed class SessionLost(Exception cause) : Exception("the group's session was lost", cause);

    private static void Run(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql)
    {
        using var command = new NpgsqlCommand(sql, connection, transaction);
        command.ExecuteNonQuery();
    }

    private void CommitAlone(PendingWrite<IStoreSession> write)
    {
        try
        {
            var result = WriteAlone(write.Work);
            Finish(write, result);
        }
        catch (Exception e)
        {
            write.Fail(e);
        }
    }

    /// <summary>Runs what mirrors the store in memory, then wakes the caller with the work's result.</summary>
    private static void Finish(PendingWrite<IStoreSession> write, object? result)
    {
        if (write.IsDone)
            return;
        try
        {
            write.Committed?.Invoke();
            write.Succeed(result);
        }
        catch (Exception e)
        {
            write.Fail(e);
        }
    }
}
