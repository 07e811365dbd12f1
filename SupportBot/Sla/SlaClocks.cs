using SupportBot.Tickets;

namespace SupportBot.Sla;

/// <summary>
/// The next-reply and resolution clocks, derived from what the ticket records (its conversation, its status) each
/// time it changes, so every way a customer writes or the team answers moves them without knowing about SLAs.
/// All three clocks share one indexed instant, <see cref="SlaState.NextCheckAt"/>: the earliest reminder owed.
/// </summary>
public sealed class SlaClocks(SlaPolicy policy)
{
    /// <summary>Brings both clocks and the next check up to date at <paramref name="now"/>; true when anything changed.</summary>
    public bool Refresh(Ticket ticket, DateTime now)
    {
        if (ticket.IsTask)
            return false; // Tasks are the team's own to-dos: no SLA
        var before = Snapshot.Of(ticket);
        NextReply(ticket, now);
        Resolution(ticket, now);
        Schedule(ticket);
        return Snapshot.Of(ticket) != before;
    }

    public void Schedule(Ticket ticket)
    {
        var sla = ticket.Sla;
        sla.NextCheckAt = Earliest(ReminderTimer.Next(FirstResponseClock.View(ticket), policy),
            Earliest(ReminderTimer.Next(sla.NextReply, policy), ReminderTimer.Next(sla.Resolution, policy)));
    }

    /// <summary>
    /// A run of customer messages the team has not answered, after the first response, is one wait; an engineer's
    /// public answer ends it (notes and the triage thread are not answers), and so does solving or closing.
    /// </summary>
    private void NextReply(Ticket ticket, DateTime now)
    {
        var sla = ticket.Sla;
        var conversation = ticket.Conversation;
        if (ticket.Status.IsDone())
            conversation.WaitingSince = null; // the resolution message answered them; a later message starts afresh
        var start = conversation.WaitingSince is { } since && ticket.FirstResponseAt is { } first ? Later(since, first) : (DateTime?)null;
        var open = sla.ReplyWaits.Count > 0 && sla.ReplyWaits[^1].AnsweredAt is null ? sla.ReplyWaits[^1] : null;
        if (open is not null && open.From != start)
        {
            Answer(ticket, open, now);
            open = null;
        }
        var timer = sla.NextReply;
        if (start is not { } from)
        {
            timer.StartedAt = null;
            timer.DueAt = null;
            return;
        }
        var fresh = open is null;
        if (fresh)
        {
            sla.ReplyWaits.Add(new ReplyWait { From = from, Target = timer.Target });
            if (sla.ReplyWaits.Count > SlaState.MaxReplyWaits)
                sla.ReplyWaits.RemoveRange(0, sla.ReplyWaits.Count - SlaState.MaxReplyWaits);
        }
        timer.StartedAt = from;
        if (timer.Target is { } target)
            ReminderTimer.Arm(timer, policy.AddBusiness(from, target), policy.AddBusiness(from, target * policy.Options.AtRisk), fresh);
        else
            timer.DueAt = null;
    }

    private void Answer(Ticket ticket, ReplyWait wait, DateTime now)
    {
        var reply = ticket.Conversation.Entries.LastOrDefault(e => e.FromTeam && e.At >= wait.From);
        wait.AnsweredAt = reply?.At ?? now;
        wait.AnsweredBy = reply?.UserId ?? ticket.AssigneeId;
        wait.Waited = policy.BusinessElapsed(wait.From, wait.AnsweredAt.Value);
    }

    /// <summary>Counts while New or Open, pauses in Pending and On-hold, stops when done; what was used is kept across a reopen.</summary>
    private void Resolution(Ticket ticket, DateTime now)
    {
        var sla = ticket.Sla;
        var timer = sla.Resolution;
        var runs = timer.Target is not null && ticket.Status is TicketStatus.New or TicketStatus.Open;
        if (!runs)
        {
            if (sla.ResolutionRunningSince is { } since)
                sla.ResolutionUsed += policy.BusinessElapsed(since, now);
            sla.ResolutionRunningSince = null;
            timer.DueAt = null;
            return;
        }
        var running = sla.ResolutionRunningSince ??= now;
        timer.StartedAt ??= running;
        var target = timer.Target!.Value;
        ReminderTimer.Arm(timer, Remaining(running, target - sla.ResolutionUsed), Remaining(running, target * policy.Options.AtRisk - sla.ResolutionUsed), fresh: false);
    }

    private DateTime Remaining(DateTime from, TimeSpan left) => left <= TimeSpan.Zero ? from : policy.AddBusiness(from, left);

    private static DateTime Later(DateTime a, DateTime b) => a > b ? a : b;

    private static DateTime? Earliest(DateTime? a, DateTime? b) => a is null ? b : b is null || a <= b ? a : b;

    /// <summary>What a refresh may change, to tell whether the ticket must be written again.</summary>
    private sealed record Snapshot(DateTime? NextCheck, DateTime? Waiting, DateTime? ReplyStart, DateTime? ReplyDue, DateTime? ReplyAtRisk,
        int Waits, DateTime? LastAnswered, DateTime? Running, TimeSpan Used, DateTime? ResolutionDue, DateTime? ResolutionAtRisk, DateTime? ResolutionStart)
    {
        public static Snapshot Of(Ticket t)
        {
            var s = t.Sla;
            return new(s.NextCheckAt, t.Conversation.WaitingSince, s.NextReply.StartedAt, s.NextReply.DueAt, s.NextReply.AtRiskAt,
                s.ReplyWaits.Count, s.ReplyWaits.Count == 0 ? null : s.ReplyWaits[^1].AnsweredAt, s.ResolutionRunningSince,
                s.ResolutionUsed, s.Resolution.DueAt, s.Resolution.AtRiskAt, s.Resolution.StartedAt);
        }
    }
}
