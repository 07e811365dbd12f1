using LiteDB;
using SupportBot.Tickets;

namespace SupportBot.Work;

/// <summary>
/// Finds the ticket behind a Slack message that is not in its customer thread: a reply under its triage card, or
/// in the thread of one of its escalations. Both are index lookups, so a busy support channel costs no scans.
/// </summary>
public static class TicketLookups
{
    public const string EscalationTs = "$.Escalations[*].Ts";

    public static Ticket? ByTriageCard(TicketChangeSet set, string ts) =>
        Tickets(set.Database).FindOne(Query.EQ(nameof(Ticket.TriageTs), ts));

    public static Ticket? ByEscalation(TicketChangeSet set, string channelId, string ts) =>
        Tickets(set.Database).Find(BsonExpression.Create($"{EscalationTs} ANY = @0", new BsonValue(ts)))
            .FirstOrDefault(t => t.Escalations.Exists(e => e.Ts == ts && e.ChannelId == channelId));

    /// <summary>The ticket a message's thread belongs to: its customer thread, its triage card's or an escalation's.</summary>
    public static Ticket? ForThread(TicketChangeSet set, string channelId, string threadTs, string supportChannel) =>
        channelId == supportChannel ? ByTriageCard(set, threadTs)
            : set.CurrentInThread(channelId, threadTs) ?? ByEscalation(set, channelId, threadTs);

    private static ILiteCollection<Ticket> Tickets(LiteDatabase db) => db.GetCollection<Ticket>(TicketStore.Collection);

    public static void EnsureIndexes(LiteDatabase db)
    {
        var tickets = db.GetCollection(TicketStore.Collection);
        tickets.EnsureIndex(nameof(Ticket.TriageTs));
        tickets.EnsureIndex("EscalationTs", EscalationTs);
    }
}
