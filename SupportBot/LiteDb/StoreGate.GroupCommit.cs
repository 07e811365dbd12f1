using LiteDB;
using SupportBot.Storage;
using SupportBot.Storage.GroupCommit;

namespace SupportBot.LiteDb;

/// <summary>Committing a group of queued writes (see <see cref="WriteQueue{TStore}"/>) as one transaction and one fsync.</summary>
public sealed partial class StoreGate
{
    /// <summary>
    /// Runs every queued work in one transaction and commits once. LiteDB 5 has no savepoints, and a failed
    /// operation rolls back the whole transaction of its thread, so a work that throws cannot be undone alone:
    /// the group is rolled back and each write runs again in its own transaction, in order. The others then commit as
    /// they would have; the failing one fails as it would have. Works therefore must not keep state across a
    /// rollback (they did not before either: a rolled-back write's caller could always retry it).
    /// </summary>
    private void CommitGroup(IReadOnlyList<PendingWrite<LiteDatabase>> group)
    {
        lock (_sync)
        {
            if (group.Count == 1 || !TryCommitTogether(group))
            {
                foreach (var write in group)
                    CommitAlone(write);
            }
        }
    }

    private bool TryCommitTogether(IReadOnlyList<PendingWrite<LiteDatabase>> group)
    {
        LiteDatabase database;
        try
        {
            database = Database;
        }
        catch (Exception e) when (e is StoreUnavailableException || IsStoreFailure(e))
        {
            return false;
        }
        var results = new object?[group.Count];
        database.BeginTrans();
        StoreSequence.Begin(database);
        _inTransaction = true;
        try
        {
            for (var i = 0; i < group.Count; i++)
            {
                results[i] = group[i].Work(database);
                // false: the transaction is still there. True: LiteDB rolled it back on an error the work caught and
                // went on; the group then runs again alone. No work in the app catches LiteDB errors (and one that did
                // would have its writes after the error committed twice): keep it so
                if (database.BeginTrans())
                    throw new InvalidOperationException("the group's transaction was rolled back inside a work");
            }
            StoreSequence.Save(database);
            database.Commit();
        }
        catch (Exception e)
        {
            if (IsStoreFailure(e))
                Drop();
            else
                database.Rollback();
            return false;
        }
        finally
        {
            _inTransaction = false;
            StoreSequence.End(database);
        }
        var unflushed = Flush();
        for (var i = 0; i < group.Count; i++)
        {
            try
            {
                group[i].Committed?.Invoke();
                if (unflushed is not null)
                    throw unflushed;
                group[i].Succeed(results[i]);
            }
            catch (Exception e)
            {
                group[i].Fail(e);
            }
        }
        return true;
    }

    private void CommitAlone(PendingWrite<LiteDatabase> write)
    {
        try
        {
            write.Succeed(WriteAlone(write.Work, write.Committed));
        }
        catch (Exception e)
        {
            write.Fail(e);
        }
    }
}
