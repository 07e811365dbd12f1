using SupportBot.Storage;
using SupportBot.Tickets;

namespace SupportBot.Sla;

/// <summary>Walks the tickets whose indexed SLA instant has come, by index range scans.</summary>
public sealed class DueTickets(TicketStore store, IStoreGate gate, TimeProvider time, SweepFailures failures)
{
    /// <summary>
    /// Tickets changed per transaction, so a large backlog does not hold the write lock for long. 500 holds it about
    /// 50 ms on this 2-core machine; each batch costs a commit and an fsync, and 200 made a 1,000-ticket pass ~15% slower.
    /// </summary>
    public const int BatchSize = 500;

    /// <summary>
    /// Calls <paramref name="act"/> for each due ticket, a batch per transaction. Each batch is read inside its
    /// transaction, so what is acted on is current (a take or reply committed a moment ago is seen) and read once.
    /// Returns how many calls returned true.
    /// </summary>
    public int ForEach(SlaClock clock, Func<TicketChangeSet, Ticket, bool> act)
    {
        // the common case, nothing due, costs one index probe and no write lock
        if (!gate.Read(s => s.Tickets.AnyDue(clock, time.GetUtcNow().UtcDateTime)))
            return 0;
        var acted = 0;
        var seen = new HashSet<int>();
        var leftOut = new HashSet<int>(); // this pass's own record, so the loop ends whatever SweepFailures keeps
        while (true)
        {
            (int Number, DateTime UpdatedAt)? acting = null; // the ticket being acted on, as it was read
            try
            {
                var (read, todo, done) = store.Change(set =>
                {
                    acting = null;
                    set.DeferWrites(); // the batch's updates and messages as one statement each (PostgreSQL's round trips)
                    var batch = set.Session.Tickets.Due(clock, set.Now, BatchSize);
                    // every act moves its ticket out of the range; the seen set guards against one that would not.
                    // It is added to after the commit: a group commit may run this work again after a rollback
                    var todo = batch.Where(t => !seen.Contains(t.Number) && !leftOut.Contains(t.Number) && !failures.LeftOut(clock, t)).ToList();
                    var done = 0;
                    foreach (var ticket in todo)
                    {
                        acting = (ticket.Number, ticket.UpdatedAt);
                        done += act(set, ticket) ? 1 : 0;
                    }
                    acting = null;
                    return (batch.Count, todo.Select(t => t.Number).ToList(), done);
                });
                seen.UnionWith(todo);
                acted += done;
                if (read < BatchSize || todo.Count == 0)
                    return acted;
            }
            catch (Exception e) when (acting is { } failed && !StoreFailures.IsWriteFailure(e))
            {
                // the batch rolled back with it: run it again without that ticket
                leftOut.Add(failed.Number);
                failures.Failed(clock, failed.Number, failed.UpdatedAt, e);
            }
        }
    }
}
