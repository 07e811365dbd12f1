using Microsoft.Extensions.Options;
using SupportBot.Metrics;
using SupportBot.Outbox;
using SupportBot.Slack;
using SupportBot.Tickets;

namespace SupportBot.Sla;

/// <summary>
/// At-risk warnings, breach messages and capped reminders for the three response clocks (first response, next reply,
/// resolution), walked through their shared next-check index. Each message is queued in the commit that records it.
/// </summary>
public sealed class SlaReminderSweep(DueTickets due, FirstResponseClock firstResponse, SlaClocks clocks, SlaPolicy policy,
    IOptions<SlackOptions> slack, ILogger<SlaReminderSweep> logger, SupportBotMetrics metrics) : ISweep
{
    public int Run() => due.ForEach(SlaClock.NextCheck, Act);

    private bool Act(TicketChangeSet set, Ticket ticket)
    {
        var before = ticket.Sla.NextCheckAt;
        var now = set.Now;
        clocks.Refresh(ticket, now);
        var owed = new List<(SlaClockKind Clock, SlaNoticeKind Kind)>
        {
            (SlaClockKind.FirstResponse, firstResponse.Advance(ticket, now)),
            (SlaClockKind.NextReply, ReminderTimer.Advance(ticket.Sla.NextReply, policy, now)),
            (SlaClockKind.Resolution, ReminderTimer.Advance(ticket.Sla.Resolution, policy, now)),
        }.Where(o => o.Kind != SlaNoticeKind.None).ToList();
        clocks.Schedule(ticket);
        if (owed.Count == 0)
        {
            if (ticket.Sla.NextCheckAt != before)
                set.Update(ticket); // stopped or re-stamped since it was queried
            return false;
        }
        set.Update(ticket);
        foreach (var (clock, kind) in owed)
            Tell(set, ticket, clock, kind);
        return true;
    }

    private void Tell(TicketChangeSet set, Ticket ticket, SlaClockKind clock, SlaNoticeKind kind)
    {
        var message = OutboxMessages.Post(slack.Value.SupportChannel, SlaNotice.Build(ticket, clock, kind, Used(ticket, clock, set.Now), policy.Options));
        message.TicketNumber = ticket.Number;
        set.Send(message);
        var number = ticket.Number;
        set.AfterCommit(() => logger.LogInformation("SLA reminder ({Clock} {Kind}) for ticket #{Number} queued to the support channel", clock, kind, number));
        set.AfterCommit(() =>
        {
            if (kind == SlaNoticeKind.Breach)
                metrics.SlaBreach();
            else
                metrics.SlaReminder(kind == SlaNoticeKind.AtRisk ? "at_risk" : "reminder");
        });
    }

    /// <summary>The business time the clock has counted: what the message says was waited.</summary>
    private TimeSpan Used(Ticket t, SlaClockKind clock, DateTime now) => clock switch
    {
        SlaClockKind.NextReply => policy.BusinessElapsed(t.Sla.NextReply.StartedAt ?? now, now),
        SlaClockKind.Resolution => t.Sla.ResolutionUsed + (t.Sla.ResolutionRunningSince is { } since ? policy.BusinessElapsed(since, now) : TimeSpan.Zero),
        _ => policy.BusinessElapsed(t.CreatedAt, now),
    };
}

/// <summary>The three SLA clocks a reminder can be about.</summary>
public enum SlaClockKind
{
    FirstResponse,
    NextReply,
    Resolution,
}
