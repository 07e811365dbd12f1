using LiteDB;
using SupportBot.LiteDb;
using SupportBot.Sla;
using SupportBot.Storage;
using SupportBot.Tickets;

namespace SupportBot.Benchmarks;

/// <summary>
/// A database like a bot after a few years: most tickets closed (no SLA instant set), some open with future
/// instants, and <c>due</c> tickets due for each job at <c>now</c>: SLA breaches (a third each of first response, next
/// reply and resolution), Pending follow-ups and auto-solves (half each), Solved tickets to close. Every ticket carries
/// the policy of SweepHost's settings (first response 2 h, next reply 1 h, resolution 24 h).
/// </summary>
public static class SweepData
{
    public static void Fill(string path, int count, int due, DateTime now)
    {
        using var db = new LiteDatabase($"Filename={path}", LiteDbFactory.CreateMapper());
        SupportBot.LiteDb.LiteSchema.Apply(db);
        var tickets = db.GetCollection<Ticket>(SupportBot.LiteDb.LiteTicketRows.Collection);
        tickets.InsertBulk(Tickets(count, due, now), batchSize: 5000);
        db.GetCollection("counters").Upsert(new BsonDocument { ["_id"] = "tickets", ["value"] = count });
        db.Checkpoint();
    }

    /// <summary>The same tickets for either store: #1..#count, the first 3 × due of them due.</summary>
    public static IEnumerable<Ticket> Tickets(int count, int due, DateTime now) => Enumerable.Range(1, count).Select(n => Make(n, due, now));

    private static Ticket Make(int n, int due, DateTime now)
    {
        var created = now.AddMinutes(-n * 7 % 500_000);
        var t = new Ticket
        {
            Number = n, Subject = $"Search times out on instance {n}", Priority = (Priority)(n % 4),
            Description = string.Concat(Enumerable.Repeat("Queries take 30 s since the upgrade; logs attached. ", 4)),
            RequesterId = "U_CUST" + (n % 50), ChannelId = "C_ACME", CustomerName = "Acme Corp", Tier = "Enterprise",
            ThreadTs = $"1700000000.{n:D6}", TriageTs = $"1700000001.{n:D6}", CreatedAt = created, UpdatedAt = created,
            AssigneeId = n % 3 == 0 ? null : "U_ENG" + (n % 5), FirstResponseDueAt = created.AddHours(2),
            History = [new() { At = created, ActorId = "U_CUST1", What = "Created from RequestForm" }, new() { At = created, ActorId = "U_ENG1", What = "Took the ticket" }],
        };
        t.Sla.Target = TimeSpan.FromHours(2);
        t.Sla.TargetPriority = t.Priority;
        (t.Sla.Policy, t.Sla.NextReply.Target, t.Sla.Resolution.Target) = ("policy 0", TimeSpan.FromHours(1), TimeSpan.FromHours(24));
        var slot = n <= 3 * due ? (n - 1) / due : 3 + n % 20;
        switch (slot)
        {
            case 0 when n % 3 == 0: // waiting past its first-response deadline: a breach is owed
                (t.Status, t.CreatedAt, t.FirstResponseDueAt) = (TicketStatus.New, now.AddHours(-3), now.AddHours(-1));
                (t.Sla.AtRiskAt, t.Sla.NextCheckAt) = (now.AddHours(-1.5), now.AddHours(-1));
                Resolving(t, now.AddHours(-3));
                break;
            case 0 when n % 3 == 1: // the customer wrote two hours ago, unanswered: a next-reply breach is owed
                (t.Status, t.CreatedAt, t.FirstResponseAt, t.Conversation.WaitingSince) = (TicketStatus.Open, now.AddHours(-5), now.AddHours(-4), now.AddHours(-2));
                (t.Sla.NextReply.StartedAt, t.Sla.NextReply.DueAt, t.Sla.NextReply.AtRiskAt) = (now.AddHours(-2), now.AddHours(-1), now.AddHours(-1.25));
                t.Sla.ReplyWaits.Add(new ReplyWait { From = now.AddHours(-2), Target = TimeSpan.FromHours(1) });
                t.Sla.NextCheckAt = now.AddHours(-1.25);
                Resolving(t, now.AddHours(-5));
                break;
            case 0: // open for 25 hours: a resolution breach is owed (its at-risk warning went out)
                (t.Status, t.CreatedAt, t.FirstResponseAt) = (TicketStatus.Open, now.AddHours(-25), now.AddHours(-24));
                Resolving(t, now.AddHours(-25));
                (t.Sla.Resolution.AtRiskSentAt, t.Sla.NextCheckAt) = (now.AddHours(-7), now.AddHours(-1));
                break;
            case 1: // Pending: a follow-up or the auto-solve is owed
                (t.Status, t.FirstResponseAt, t.Sla.PendingSince, t.Sla.FollowUpsSent) = (TicketStatus.Pending, created, now.AddHours(-50), n % 2 * 2);
                (t.Sla.AutoSolveAt, t.Sla.PendingNextAt) = n % 2 == 0 ? (now.AddHours(10), now.AddMinutes(-1)) : (now.AddMinutes(-1), now.AddMinutes(-1));
                break;
            case 2: // Solved three days ago
                (t.Status, t.FirstResponseAt, t.SolvedAt, t.Sla.AutoCloseAt) = (TicketStatus.Solved, created, now.AddDays(-3), now.AddMinutes(-1));
                break;
            case 3 or 4: // open, first response not due yet
                (t.Status, t.CreatedAt, t.FirstResponseDueAt, t.Sla.NextCheckAt) = (TicketStatus.New, now, now.AddHours(2), now.AddMinutes(1 + n % 90));
                Resolving(t, now);
                break;
            case 5: // pending, next follow-up later
                (t.Status, t.FirstResponseAt, t.Sla.PendingNextAt, t.Sla.AutoSolveAt) = (TicketStatus.Pending, created, now.AddHours(1 + n % 30), now.AddDays(2));
                t.Sla.PendingSince = now.AddHours(-1);
                break;
            case 6: // solved recently
                (t.Status, t.FirstResponseAt, t.Sla.AutoCloseAt) = (TicketStatus.Solved, created, now.AddHours(1 + n % 70));
                break;
            case 7 or 8: // answered and being worked, its resolution due later
                (t.Status, t.CreatedAt, t.FirstResponseAt) = (TicketStatus.Open, now.AddHours(-(n % 20)), now.AddHours(-(n % 20)).AddMinutes(20));
                Resolving(t, t.CreatedAt);
                t.Sla.NextCheckAt = t.Sla.Resolution.AtRiskAt;
                break;
            default: // the long tail: closed
                (t.Status, t.FirstResponseAt, t.ClosedAt) = (TicketStatus.Closed, created.AddMinutes(20), created.AddDays(5));
                break;
        }
        return t;
    }

    /// <summary>The resolution clock counting since <paramref name="since"/> (24 h, at risk at 75 %), as SlaClocks leaves it.</summary>
    private static void Resolving(Ticket t, DateTime since)
    {
        (t.Sla.ResolutionRunningSince, t.Sla.Resolution.StartedAt) = (since, since);
        (t.Sla.Resolution.DueAt, t.Sla.Resolution.AtRiskAt) = (since.AddHours(24), since.AddHours(18));
    }
}
