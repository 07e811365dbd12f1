using LiteDB;
using SupportBot.Storage;
using SupportBot.Tickets;

namespace SupportBot.Sla;

/// <summary>
/// Finds tickets whose indexed SLA instant has come, by an index range scan. The range needs a lower bound:
/// nulls sort before dates in LiteDB, so a plain <c>field &lt;= now</c> would also read every ticket with nothing due.
/// </summary>
public sealed class DueTickets(StoreGate gate)
{
    public const string NextCheck = "$.Sla.NextCheckAt";
    public const string PendingNext = "$.Sla.PendingNextAt";
    public const string AutoClose = "$.Sla.AutoCloseAt";

    /// <summary>Changes are made in batches, so a large backlog does not hold the write lock for long.</summary>
    public const int BatchSize = 200;

    private static readonly BsonValue Earliest = new(DateTime.SpecifyKind(DateTime.MinValue, DateTimeKind.Utc));

    public List<int> Numbers(string field, DateTime now) =>
        gate.Database.GetCollection(TicketStore.Collection)
            .Query()
            .Where(Query.Between(field, Earliest, new BsonValue(now)))
            .Select("{ n: $._id }")
            .ToEnumerable()
            .Select(d => d["n"].AsInt32)
            .ToList();

    public static void EnsureIndexes(LiteDatabase db)
    {
        var tickets = db.GetCollection(TicketStore.Collection);
        tickets.EnsureIndex("SlaNextCheck", NextCheck);
        tickets.EnsureIndex("SlaPendingNext", PendingNext);
        tickets.EnsureIndex("SlaAutoClose", AutoClose);
    }
}
