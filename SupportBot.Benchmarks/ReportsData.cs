using LiteDB;
using SupportBot.LiteDb;
using SupportBot.Storage;
using SupportBot.Tickets;

namespace SupportBot.Benchmarks;

/// <summary>
/// A year of tickets for the Reports page: every source, 40 customers, first responses from minutes to a day
/// (some past their SLA), most solved with a resolution path, some reopened, a third rated.
/// </summary>
public static class ReportsData
{
    public static void Fill(string path, int count, DateTime now)
    {
        using var db = new LiteDatabase($"Filename={path}", LiteDbFactory.CreateMapper());
        SupportBot.LiteDb.LiteSchema.Apply(db);
        db.GetCollection<Ticket>(SupportBot.LiteDb.LiteTicketRows.Collection).InsertBulk(Enumerable.Range(1, count).Select(n => Make(n, count, now)), batchSize: 5000);
        db.GetCollection("counters").Upsert(new BsonDocument { ["_id"] = "tickets", ["value"] = count });
        db.Checkpoint();
    }

    private static Ticket Make(int n, int count, DateTime now)
    {
        var created = now.AddMinutes(-(double)(count - n) * 365 * 24 * 60 / count); // spread over the last year, oldest first
        var sources = Enum.GetValues<TicketSource>();
        var t = new Ticket
        {
            Number = n, Subject = $"Search times out on instance {n}", Priority = (Priority)(n % 4), Source = sources[n % sources.Length],
            Description = "Queries take 30 s since the upgrade; logs attached.", RequesterId = "U_CUST" + (n % 50), ChannelId = "C_" + (n % 40),
            CustomerName = "Customer " + (n % 40), CreatedAt = created, UpdatedAt = created, AssigneeId = "U_ENG" + (n % 6),
            FirstResponseDueAt = created.AddHours(2), Kind = n % 25 == 0 ? TicketKind.Task : TicketKind.Request,
            History = [new() { At = created, ActorId = "U_CUST1", What = "Created from RequestForm" }, new() { At = created, ActorId = "U_ENG1", What = "Took the ticket" }],
        };
        var responded = created.AddMinutes(5 + n * 37 % 1440);
        if (responded < now)
            t.FirstResponseAt = responded;
        var age = now - created;
        if (age > TimeSpan.FromDays(3) || n % 3 == 0)
        {
            t.Status = age > TimeSpan.FromDays(10) ? TicketStatus.Closed : TicketStatus.Solved;
            t.SolvedAt = created.AddHours(4 + n % 60);
            t.ClosedAt = t.Status == TicketStatus.Closed ? t.SolvedAt.Value.AddDays(3) : null;
            t.Resolution = new TicketResolution { Path = (ResolutionPath)(n % 7), At = t.SolvedAt.Value, SolvedBy = t.AssigneeId };
            if (n % 17 == 0)
                t.History.Add(new TicketHistoryEntry { At = t.SolvedAt.Value, What = "Solved → Open: the customer replied in the thread" });
            if (n % 3 == 0)
                t.Csat = new TicketCsat { Rating = (CsatRating)(n % 5 % 3), UserId = t.RequesterId, At = t.SolvedAt.Value };
        }
        else
        {
            t.Status = t.FirstResponseAt is null ? TicketStatus.New : TicketStatus.Open;
        }
        return t;
    }
}
