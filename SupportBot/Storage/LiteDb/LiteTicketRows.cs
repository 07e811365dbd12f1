using LiteDB;
using SupportBot.Tickets;

namespace SupportBot.Storage.LiteDb;

public sealed class LiteTicketRows(LiteDatabase db) : ITicketRows
{
    public const string Collection = "tickets";
    public const string EscalationTs = "$.Escalations[*].Ts";

    /// <summary>Where each SLA instant lives in the document; each has an index.</summary>
    public static string Path(SlaClock clock) => clock switch
    {
        SlaClock.NextCheck => "$.Sla.NextCheckAt",
        SlaClock.PendingNext => "$.Sla.PendingNextAt",
        _ => "$.Sla.AutoCloseAt",
    };

    // nulls sort before dates in LiteDB, so a plain `field <= now` would also read every ticket with nothing due
    private static readonly BsonValue Earliest = new(DateTime.SpecifyKind(DateTime.MinValue, DateTimeKind.Utc));

    private ILiteCollection<Ticket> Tickets => db.GetCollection<Ticket>(Collection);

    public Ticket? Find(int number) => Tickets.ById(number);

    public void Insert(Ticket ticket)
    {
        ticket.Number = (int)StoreSequence.Next(db, Collection);
        Tickets.Insert(ticket);
    }

    public void Update(Ticket ticket) => Tickets.Update(ticket);

    public List<Ticket> InThread(string channelId, string threadTs) =>
        Tickets.Find(t => t.ThreadTs == threadTs && t.ChannelId == channelId).OrderByDescending(t => t.Number).ToList();

    public List<Ticket> Open()
    {
        // through the Status index: only open tickets are read, however many closed ones the years have left
        var open = Enum.GetValues<TicketStatus>().Where(s => !s.IsDone()).Select(s => new BsonValue(s.ToString()));
        return Tickets.Find(Query.In(nameof(Ticket.Status), open)).ToList();
    }

    public Ticket? ByTriageCard(string ts) => Tickets.FindOne(Query.EQ(nameof(Ticket.TriageTs), ts));

    public List<Ticket> ByEscalation(string ts) =>
        Tickets.Find(BsonExpression.Create($"{EscalationTs} ANY = @0", new BsonValue(ts))).ToList();

    public bool AnyDue(SlaClock clock, DateTime now) => Tickets.Exists(Due(clock, now));

    public List<Ticket> Due(SlaClock clock, DateTime now, int limit) => Tickets.Query().Where(Due(clock, now)).Limit(limit).ToList();

    private static BsonExpression Due(SlaClock clock, DateTime now) => Query.Between(Path(clock), Earliest, new BsonValue(now));

    public List<Ticket> Range(int first, int last, DateTime since) =>
        Tickets.Find(Query.And(Query.Between("_id", first, last), Query.GTE(nameof(Ticket.UpdatedAt), since))).ToList();

    public List<Ticket> After(int after, int limit) => Tickets.Find(Query.GT("_id", after), 0, limit).ToList();

    public int Count() => Tickets.Count();

    public int HighestNumber() => Tickets.Count() == 0 ? 0 : Tickets.Max(t => t.Number);

    public static void EnsureIndexes(LiteDatabase db)
    {
        StoreMapping.Prepare<Ticket>(db);
        var tickets = db.GetCollection<Ticket>(Collection);
        tickets.EnsureIndex(t => t.ThreadTs);
        tickets.EnsureIndex(t => t.Status);
        var untyped = db.GetCollection(Collection);
        untyped.EnsureIndex("SlaNextCheck", Path(SlaClock.NextCheck));
        untyped.EnsureIndex("SlaPendingNext", Path(SlaClock.PendingNext));
        untyped.EnsureIndex("SlaAutoClose", Path(SlaClock.AutoClose));
        untyped.EnsureIndex(nameof(Ticket.TriageTs));
        untyped.EnsureIndex("EscalationTs", EscalationTs);
    }
}
