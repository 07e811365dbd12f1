using LiteDB;
using SupportBot.Tickets;
using SupportBot.Storage;

namespace SupportBot.LiteDb;

public sealed class LiteTicketRows(LiteDatabase db) : ITicketRows
{
    public const string Collection = "tickets";
    public const string EscalationTs = "$.Escalations[*].Ts";

    // a ticket has its thread and its triage card only once the bot has posted them: none when it is inserted
    private static readonly LiteSparseIndex ThreadIndex = new("ThreadTsPosted", "$.ThreadTs", "@ != null");
    private static readonly LiteSparseIndex TriageIndex = new("TriageTsPosted", "$.TriageTs", "@ != null");

    /// <summary>
    /// The numbers of the open tickets only, so they can be read in number order a chunk at a time: the Status index
    /// orders a status's tickets by when they got it, and one query over it pinned a page per open ticket in
    /// LiteDB's cache until it ended (1.5 GB at 170,000 open tickets).
    /// </summary>
    private static readonly LiteSparseIndex OpenIndex = new("OpenNumber",
        $"IIF({string.Join(" OR ", Enum.GetValues<TicketStatus>().Where(s => s.IsDone()).Select(s => $"$.Status = '{s}'"))}, null, $._id)", "@ != null");

    /// <summary>What <see cref="OpenTicket"/> needs of a ticket: LiteDB then skips the other fields (the conversation, the history) as it reads.</summary>
    private static readonly BsonExpression QueueFields = BsonExpression.Create(
        "{ _id: $._id, Subject: $.Subject, Status: $.Status, ChannelId: $.ChannelId, AssigneeId: $.AssigneeId, CreatedAt: $.CreatedAt, " +
        "FirstResponseDueAt: $.FirstResponseDueAt, Priority: $.Priority, Kind: $.Kind, TaskOf: $.TaskOf, RequesterId: $.RequesterId, " +
        "Sla: { NextReply: { DueAt: $.Sla.NextReply.DueAt }, Resolution: { DueAt: $.Sla.Resolution.DueAt } }, Tags: $.Tags }");

    /// <summary>
    /// Each SLA instant's index, holding only the tickets whose clock is armed (most tickets have none): a sweep
    /// that clears an instant removes a key and adds none. The plain indexes of earlier versions are replaced.
    /// </summary>
    private static readonly Dictionary<SlaClock, (LiteSparseIndex Index, string? Replaces)> Clocks = new()
    {
        [SlaClock.NextCheck] = (new("SlaNextCheckArmed", "$.Sla.NextCheckAt", "@ != null"), "SlaNextCheck"),
        [SlaClock.PendingNext] = (new("SlaPendingNextArmed", "$.Sla.PendingNextAt", "@ != null"), "SlaPendingNext"),
        [SlaClock.AutoClose] = (new("SlaAutoCloseArmed", "$.Sla.AutoCloseAt", "@ != null"), "SlaAutoClose"),
        [SlaClock.Offer] = (new("OfferDueArmed", "$.OfferDueAt", "@ != null"), null),
    };

    private ILiteCollection<Ticket> Tickets => db.GetCollection<Ticket>(Collection);

    public Ticket? Find(int number) => Tickets.ById(number);

    public void Insert(Ticket ticket)
    {
        ticket.Number = (int)StoreSequence.Next(db, Collection);
        Tickets.Insert(ticket);
    }

    public void Update(Ticket ticket) => Tickets.Update(ticket);

    // in-process: a statement per ticket costs no round trip
    public void UpdateMany(IReadOnlyCollection<Ticket> tickets)
    {
        foreach (var ticket in tickets)
            Update(ticket);
    }

    public List<Ticket> InThread(string channelId, string threadTs) =>
        Tickets.Find(ThreadIndex.Where("=", threadTs)).Where(t => t.ChannelId == channelId).OrderByDescending(t => t.Number).ToList();

    public List<Ticket> Open()
    {
        // through the Status index: only open tickets are read, however many closed ones the years have left
        var open = Enum.GetValues<TicketStatus>().Where(s => !s.IsDone()).Select(s => new BsonValue(s.ToString()));
        return Tickets.Find(Query.In(nameof(Ticket.Status), open)).ToList();
    }

    public List<OpenTicket> OpenAfter(int after, int limit) =>
        db.GetCollection(Collection).Query().Where(OpenIndex.Where(">", after)).Select(QueueFields).Limit(limit).ToList()
            .Select(fields => OpenTicket.From(db.Mapper.ToObject<Ticket>(fields))).ToList();

    public Ticket? ByTriageCard(string ts) => Tickets.FindOne(TriageIndex.Where("=", ts));

    public List<Ticket> ByEscalation(string ts) =>
        Tickets.Find(BsonExpression.Create($"{EscalationTs} ANY = @0", new BsonValue(ts))).ToList();

    public bool AnyDue(SlaClock clock, DateTime now) => Tickets.Exists(Due(clock, now));

    public List<Ticket> Due(SlaClock clock, DateTime now, int limit) => Tickets.Query().Where(Due(clock, now)).Limit(limit).ToList();

    private static BsonExpression Due(SlaClock clock, DateTime now) => Clocks[clock].Index.Where("<=", now);

    public List<Ticket> Range(int first, int last, DateTime since) =>
        Tickets.Find(Query.And(Query.Between("_id", first, last), Query.GTE(nameof(Ticket.UpdatedAt), since))).ToList();

    public List<Ticket> After(int after, int limit) => Tickets.Find(Query.GT("_id", after), 0, limit).ToList();

    public int Count() => Tickets.Count();

    public int HighestNumber() => Tickets.Count() == 0 ? 0 : Tickets.Max(t => t.Number);

    public static void EnsureIndexes(LiteDatabase db)
    {
        StoreMapping.Prepare<Ticket>(db);
        var tickets = db.GetCollection<Ticket>(Collection);
        tickets.EnsureIndex(t => t.Status);
        var untyped = db.GetCollection(Collection);
        foreach (var (index, replaces) in Clocks.Values)
            index.Ensure(untyped, replaces);
        ThreadIndex.Ensure(untyped, replaces: nameof(Ticket.ThreadTs));
        TriageIndex.Ensure(untyped, replaces: nameof(Ticket.TriageTs));
        OpenIndex.Ensure(untyped);
        untyped.EnsureIndex("EscalationTs", EscalationTs);
    }
}
