using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using SupportBot.Postgres;
using SupportBot.Storage;
using SupportBot.Tests.Infrastructure;
using SupportBot.Tickets;
using SupportBot.Tickets.Intake;

namespace SupportBot.Tests.Postgres;

/// <summary>
/// A replica's concurrent writes on PostgreSQL commit as one transaction: queued behind a write that holds the
/// gate, they run on one thread in one top-level transaction (<c>txid_current()</c> is the same in every
/// savepoint), their ticket numbers come out gapless, and a write that fails is undone alone.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class GroupCommitTests : IDisposable
{
    private static readonly DateTime Now = new(2026, 12, 7, 9, 0, 0, DateTimeKind.Utc);
    private readonly string _connection;
    private readonly NpgsqlDataSource _source;
    private readonly PostgresGate _gate;

    public GroupCommitTests(PostgresServer server)
    {
        _connection = server.NewDatabase();
        PostgresSchema.Upgrade(_connection, NullLogger.Instance);
        _source = NpgsqlDataSource.Create(_connection);
        _gate = new PostgresGate(_source, NullLogger<PostgresGate>.Instance, new PostgresOptions { LockTimeout = TimeSpan.FromMilliseconds(300) });
    }

    public void Dispose() => _source.Dispose();

    [Fact]
    public async Task Queued_writes_commit_in_one_transaction_and_a_failing_one_is_undone_alone()
    {
        var transactions = new List<long>();
        var writes = QueueBehindABusyWrite(10, n => s =>
        {
            var number = Insert(s, $"write {n}");
            transactions.Add(((PgSession)s).Scalar<long>("select txid_current()"));
            return n == 4 ? throw new InvalidOperationException("the work of write 4 failed") : number;
        });

        var outcomes = await Outcomes(writes);

        // write 4 failed in the group and again alone; its number was undone with it, so the others' are gapless
        Assert.Equal([2, 3, 4, 5, -1, 6, 7, 8, 9, 10], outcomes.Skip(1));
        Assert.Equal(Enumerable.Range(1, 10), _gate.Read(s => s.Tickets.After(0, 100).Select(t => t.Number)));
        // the group's ten runs (write 4 included) shared one transaction; write 4's run alone had its own
        Assert.Single(transactions.Take(10).Distinct());
        Assert.NotEqual(transactions[0], transactions[10]);
    }

    [Fact]
    public async Task A_write_waiting_for_a_held_row_is_refused_as_busy_and_the_rest_of_its_group_commits()
    {
        var held = _gate.Write(s => Insert(s, "held elsewhere"));
        await using var holder = await _source.OpenConnectionAsync();
        await using var hold = await holder.BeginTransactionAsync();
        await using (var locking = new NpgsqlCommand($"select 1 from tickets where number = {held} for update", holder, hold))
            await locking.ExecuteNonQueryAsync();

        var writes = QueueBehindABusyWrite(6, n => s =>
        {
            if (n != 2)
                return Insert(s, $"write {n}");
            var ticket = s.Tickets.Find(held)!;
            s.Tickets.Update(ticket);
            return ticket.Number;
        });

        var busy = await Assert.ThrowsAsync<StoreWriteFailedException>(() => writes[3]);
        Assert.Equal(StoreFailure.Busy, busy.Failure);
        var committed = await Task.WhenAll(writes.Where((_, i) => i != 3));
        Assert.Equal([2, 3, 4, 5, 6, 7], committed);
        await hold.RollbackAsync();
    }

    [Fact]
    public async Task A_group_whose_writes_all_wait_for_a_held_row_is_answered_within_one_lock_timeout()
    {
        var gate = new PostgresGate(_source, NullLogger<PostgresGate>.Instance, new PostgresOptions { LockTimeout = TimeSpan.FromSeconds(1) });
        var held = gate.Write(s => Insert(s, "held elsewhere"));
        await using var holder = await _source.OpenConnectionAsync();
        await using var hold = await holder.BeginTransactionAsync();
        await using (var locking = new NpgsqlCommand($"select 1 from tickets where number = {held} for update", holder, hold))
            await locking.ExecuteNonQueryAsync();
        var clock = System.Diagnostics.Stopwatch.StartNew();

        var writes = QueueBehindABusyWrite(gate, 5, _ => s =>
        {
            var ticket = s.Tickets.Find(held)!;
            s.Tickets.Update(ticket);
            return ticket.Number;
        });
        var refused = await Task.WhenAll(writes.Skip(1).Select(w => Assert.ThrowsAsync<StoreWriteFailedException>(() => w)));

        // one second for the group, then at once for the rest: five seconds if each waited its own lock_timeout
        Assert.All(refused, e => Assert.Equal(StoreFailure.Busy, e.Failure));
        Assert.True(clock.Elapsed < RefusalFlows.SlackWaits, $"the last refusal came after {clock.ElapsedMilliseconds} ms");
        await hold.RollbackAsync();
    }

    /// <summary>The outbox's bookkeeping (<see cref="IStoreGate.WriteApart{T}"/>) commits beside the groups, never waiting in one.</summary>
    [Fact]
    public async Task A_write_apart_commits_while_a_group_is_still_being_run()
    {
        var go = new ManualResetEventSlim();
        var holding = Task.Factory.StartNew(() => _gate.Write(s => { go.Wait(); return Insert(s, "in a group"); }), TaskCreationOptions.LongRunning);
        Assert.True(SpinWait.SpinUntil(() => _gate.QueuedWrites == 1, TimeSpan.FromSeconds(30)), "the group's write did not start");

        var apart = Task.Factory.StartNew(() => _gate.WriteApart(s => Insert(s, "apart")), TaskCreationOptions.LongRunning);

        // queued behind the group it would wait for go; beside it, it is committed and visible to a fresh read
        Assert.Same(apart, await Task.WhenAny(apart, Task.Delay(TimeSpan.FromSeconds(30))));
        Assert.Equal(["apart"], _gate.Read(s => s.Tickets.After(0, 10).Select(t => t.Subject)));
        go.Set();
        Assert.Equal(2, await holding);
    }

    [Fact]
    public void A_write_apart_inside_a_write_joins_it()
    {
        var transactions = _gate.Write(s => (((PgSession)s).Scalar<long>("select txid_current()"),
            _gate.WriteApart(inner => ((PgSession)inner).Scalar<long>("select txid_current()"))));

        Assert.Equal(transactions.Item1, transactions.Item2);
    }

    /// <summary>
    /// A unique key taken meanwhile is a lost race, run again; one still taken on the last attempt is refused as busy
    /// (the designed "couldn't save, try again"), not thrown as the driver's own exception (a 500 in a request).
    /// </summary>
    [Fact]
    public void A_write_that_loses_the_race_for_a_key_on_every_attempt_is_refused_as_busy()
    {
        _gate.Write(s => s.IntakeKeys.Insert(new IntakeKey { Id = "taken", At = Now }));
        var attempts = 0;

        var refused = Assert.Throws<StoreWriteFailedException>(() => _gate.Write(s =>
        {
            attempts++;
            s.IntakeKeys.Insert(new IntakeKey { Id = "taken", At = Now });
        }));

        Assert.Equal(StoreFailure.Busy, refused.Failure);
        Assert.Equal(PostgresGate.Attempts, attempts);
        Assert.False(_gate.WriteFailing); // contention, not the store failing: /health stays as it is
    }

    private static int Insert(IStoreSession s, string subject)
    {
        var ticket = new Ticket { Subject = subject, ChannelId = "C_ACME", CreatedAt = Now, UpdatedAt = Now };
        s.Tickets.Insert(ticket);
        return ticket.Number;
    }

    private static async Task<int[]> Outcomes(List<Task<int>> writes) => await Task.WhenAll(writes.Select(async w =>
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

    /// <summary>
    /// Writes number 0 first and holds it inside its work while <paramref name="count"/> more queue, one at a time, then
    /// lets go: those commit as the next group. The list's first task is the holding write's.
    /// </summary>
    private List<Task<int>> QueueBehindABusyWrite(int count, Func<int, Func<IStoreSession, int>> work) =>
        QueueBehindABusyWrite(_gate, count, work);

    private static List<Task<int>> QueueBehindABusyWrite(PostgresGate gate, int count, Func<int, Func<IStoreSession, int>> work)
    {
        var go = new ManualResetEventSlim();
        var writes = new List<Task<int>> { Task.Factory.StartNew(() => gate.Write(s => { go.Wait(); return Insert(s, "holding"); }), TaskCreationOptions.LongRunning) };
        Assert.True(SpinWait.SpinUntil(() => gate.QueuedWrites == 1, TimeSpan.FromSeconds(30)), "the holding write did not start");
        for (var i = 0; i < count; i++)
        {
            var n = i;
            writes.Add(Task.Factory.StartNew(() => gate.Write(work(n)), TaskCreationOptions.LongRunning));
            Assert.True(SpinWait.SpinUntil(() => gate.QueuedWrites == n + 2, TimeSpan.FromSeconds(30)), $"write {n} did not queue");
        }
        go.Set();
        return writes;
    }
}
