using SupportBot.Tickets;

namespace SupportBot.Sla;

/// <summary>What a sweep owes one SLA clock at a given moment.</summary>
public enum SlaNoticeKind
{
    None,
    AtRisk,
    Breach,
    Nag,
}

/// <summary>
/// The reminder steps every SLA clock shares: one at-risk warning, one breach message, then capped reminders every
/// Sla:NagEvery. A clock without a <see cref="SlaTimer.DueAt"/> (stopped, paused, no target) owes nothing.
/// </summary>
public static class ReminderTimer
{
    /// <summary>Fixes the deadline; <paramref name="fresh"/> (a new wait, a new target) forgets what was sent about an earlier one.</summary>
    public static void Arm(SlaTimer timer, DateTime due, DateTime atRiskAt, bool fresh)
    {
        timer.DueAt = due;
        timer.AtRiskAt = atRiskAt;
        if (!fresh)
            return;
        timer.AtRiskSentAt = null;
        timer.BreachSentAt = null;
        timer.NagsSent = 0;
        timer.LastNagAt = null;
    }

    /// <summary>When the next reminder is owed, or null when none is.</summary>
    public static DateTime? Next(SlaTimer timer, SlaPolicy policy) =>
        timer.DueAt is not { } due ? null
        : timer.BreachSentAt is null ? (timer.AtRiskSentAt is null && timer.AtRiskAt < due ? timer.AtRiskAt : due)
        : timer.NagsSent < policy.Options.MaxNags ? policy.AddBusiness(timer.LastNagAt ?? timer.BreachSentAt.Value, policy.Options.NagEvery)
        : null;

    /// <summary>
    /// Records and returns the one reminder owed at <paramref name="now"/>. After downtime this is a single message
    /// (a breach skips its at-risk warning), and the next one is counted from now, not from the backlog.
    /// </summary>
    public static SlaNoticeKind Advance(SlaTimer timer, SlaPolicy policy, DateTime now)
    {
        var kind = Next(timer, policy) is not { } next || next > now ? SlaNoticeKind.None
            : timer.BreachSentAt is not null ? SlaNoticeKind.Nag
            : now >= timer.DueAt ? SlaNoticeKind.Breach
            : SlaNoticeKind.AtRisk;
        switch (kind)
        {
            case SlaNoticeKind.AtRisk:
                timer.AtRiskSentAt = now;
                break;
            case SlaNoticeKind.Breach:
                timer.BreachSentAt = now;
                break;
            case SlaNoticeKind.Nag:
                timer.NagsSent++;
                timer.LastNagAt = now;
                break;
        }
        return kind;
    }
}
