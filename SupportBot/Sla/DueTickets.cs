using LiteDB;
using SupportBot.Storage;
using SupportBot.Tickets;

namespace SupportBot.Sla;

/// <summary>
/// Walks the tickets whose indexed SLA instant has come, by index range scans. The range needs a lower bound:
/// nulls sort before dates in LiteDB, so a plain <c>field &lt;= now</c> would also read every ticket with nothing due.
/// </summary>
public sealed class DueTickets(TicketStore store, StoreGate gate, TimeProvider time)
{
    public const string NextCheck = "$.Sla.NextCheckAt";
    public const string PendingNext = "$.Sla.PendingNextAt";
    public const string AutoClose = "$.Sla.AutoCloseAt";

    /// <summary>Tickets changed per transaction, so a large backlog does not hold the write lock for long.</summary>
    public const int BatchSize = 200;

    private static readonly BsonValue Earliest = new(DateTime.SpecifyKind(DateTime.MinValue, DateTimeKind.Utc));

    /// <summary>
    /// Calls <paramref name="act"/> for each due ticket, a batch per transaction. Each batch is read inside its
    /// transaction, so what is acted on is current (a take or reply committed a moment ago is seen) and read once.
    /// Returns how many calls returned true.
    /// </summary>
    public int ForEach(string field, Func<TicketChangeSet, Ticket, bool> act)
    {
        // the common case, nothing due, costs one index probe and no write lock
        if (!gate.Read(db => Tickets(db).Exists(Due(field, time.GetUtcNow().UtcDateTime))))
            return 0;
        var acted = 0;
        var seen = new HashSet<int>();
        while (true)
        {
            var (read, todo, done) = store.Change(set =>
            {
                var batch = Tickets(set.Database).Query().Where(Due(field, set.Now)).Limit(BatchSize).ToList();
                // every act moves its ticket out of the range; the seen set guards against one that would not.
                // It is added to after the commit: a group commit may run this work again after a rollback
                var todo = batch.Where(t => !seen.Contains(t.Number)).ToList();
                return (batch.Count, todo.Select(t => t.Number).ToList(), todo.Count(t => act(set, t)));
            });
            seen.UnionWith(todo);
            var fresh = todo.Count;
            acted += done;
            if (read < BatchSize || fresh == 0)
                return acted;
        }
    }

    private static BsonExpression Due(string field, DateTime now) => Query.Between(field, Earliest, new BsonValue(now));

    private static ILiteCollection<Ticket> Tickets(LiteDatabase db) => db.GetCollection<Ticket>(TicketStore.Collection);

    public static void EnsureIndexes(LiteDatabase db)
    {
        var tickets = db.GetCollection(TicketStore.Collection);
        tickets.EnsureIndex("SlaNextCheck", NextCheck);
        tickets.EnsureIndex("SlaPendingNext", PendingNext);
        tickets.EnsureIndex("SlaAutoClose", AutoClose);
    }
}
