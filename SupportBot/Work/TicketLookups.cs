using SupportBot.Tickets;

namespace SupportBot.Work;

/// <summary>
/// Finds the ticket behind a Slack message that is not in its customer thread: a reply under its triage card, or
/// in the thread of one of its escalations. Both are index lookups, so a busy support channel costs no scans.
/// </summary>
public static class TicketLookups
{
    public static Ticket? ByTriageCard(TicketChangeSet set, string ts) => set.Session.Tickets.ByTriageCard(ts);

    public static Ticket? ByEscalation(TicketChangeSet set, string channelId, string ts) =>
        set.Session.Tickets.ByEscalation(ts).FirstOrDefault(t => t.Escalations.Exists(e => e.Ts == ts && e.ChannelId == channelId));

    /// <summary>The ticket a message's thread belongs to: its customer thread, its triage card's or an escalation's.</summary>
    public static Ticket? ForThread(TicketChangeSet set, string channelId, string threadTs, string supportChannel) =>
        channelId == supportChannel ? ByTriageCard(set, threadTs)
            : set.CurrentInThread(channelId, threadTs) ?? ByEscalation(set, channelId, threadTs);
}
