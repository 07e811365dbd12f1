using LiteDB;
using SupportBot.LiteDb;
using SupportBot.Storage;
using SupportBot.Tests.Infrastructure;

namespace SupportBot.Tests.LiteDb;

/// <summary>The scheduler is off: a job's store probe queued behind the busy write would throw the queue counts off.</summary>
public sealed class GroupCommitTests() : AppTest(new() { ["Scheduling:Enabled"] = "false" })
{
    private const string Collection = "group_commit_test";

    [Fact]
    public async Task Writes_queued_together_commit_each_and_a_failing_one_takes_none_of_the_others_with_it()
    {
        var gate = App.Get<StoreGate>();
        var committed = new List<int>();
        var (threads, writes) = QueueBehindABusyWrite(gate, 10, n => db =>
        {
            db.GetCollection(Collection).Insert(new BsonDocument { ["_id"] = n });
            return n == 4 ? throw new InvalidOperationException("the work of write 4 failed") : n;
        }, committed);

        var outcomes = await Task.WhenAll(writes.Select(async w =>
        {
            try
            {
                return await w;
            }
            catch (InvalidOperationException)
            {
                return -1;
            }
        }));

        Assert.Equal([0, 1, 2, 3, -1, 5, 6, 7, 8, 9], outcomes);
        Assert.Equal([0, 1, 2, 3, 5, 6, 7, 8, 9], committed);
        var stored = gate.Read(db => db.GetCollection(Collection).FindAll().Select(d => d["_id"].AsInt32).Order().ToList());
        Assert.Equal([0, 1, 2, 3, 5, 6, 7, 8, 9], stored);
        Assert.Single(threads.Distinct());
    }

    [Fact]
    public async Task Writes_queued_together_run_in_one_transaction_on_one_thread_in_queue_order()
    {
        var gate = App.Get<StoreGate>();
        var committed = new List<int>();
        var (threads, writes) = QueueBehindABusyWrite(gate, 8, n => db => (int)db.GetCollection(Collection, BsonAutoId.Int32).Insert(new BsonDocument { ["n"] = n }).AsInt32,
            committed);

        var ids = await Task.WhenAll(writes);

        Assert.Equal(Enumerable.Range(0, 8), committed);
        Assert.Equal(ids.Order(), ids);
        Assert.Single(threads.Distinct());
    }

    /// <summary>Holds the store with one write while <paramref name="count"/> others queue, one at a time, then lets go.</summary>
    private static (List<int> Threads, List<Task<int>> Writes) QueueBehindABusyWrite(StoreGate gate, int count,
        Func<int, Func<LiteDatabase, int>> work, List<int> committed)
    {
        var threads = new List<int>();
        var writes = new List<Task<int>>();
        using (new BusyStore(gate))
        {
            // the app's own start-up writes may be waiting too (seen on a busy CI run): count from what already waits
            var waiting = gate.QueuedWrites;
            for (var i = 0; i < count; i++)
            {
                var n = i;
                writes.Add(Task.Factory.StartNew(() => gate.Write(db =>
                {
                    threads.Add(Environment.CurrentManagedThreadId);
                    return work(n)(db);
                }, () => committed.Add(n)), TaskCreationOptions.LongRunning));
                Assert.True(SpinWait.SpinUntil(() => gate.QueuedWrites >= waiting + n + 1, TimeSpan.FromSeconds(30)), $"write {n} did not queue");
            }
        }
        return (threads, writes);
    }
}
