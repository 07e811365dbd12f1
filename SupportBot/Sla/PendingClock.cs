using SupportBot.Tickets;

namespace SupportBot.Sla;

/// <summary>
/// A Pending ticket's clock: follow-ups evenly spaced inside Sla:PendingAutoSolveAfter (business time), then the
/// auto-solve. With two follow-ups and 48 h: at 16 h, 32 h, solved at 48 h.
/// </summary>
public sealed class PendingClock(SlaPolicy policy)
{
    private int FollowUps => policy.Options.PendingFollowUps;

    public void Arm(Ticket ticket, DateTime now)
    {
        var sla = ticket.Sla;
        sla.PendingSince = now;
        sla.AutoSolveAt = policy.AddBusiness(now, policy.Options.PendingAutoSolveAfter);
        sla.FollowUpsSent = 0;
        sla.PendingNextAt = Next(ticket);
    }

    public static void Disarm(Ticket ticket)
    {
        var sla = ticket.Sla;
        sla.PendingSince = null;
        sla.AutoSolveAt = null;
        sla.FollowUpsSent = 0;
        sla.PendingNextAt = null;
    }

    /// <summary>When follow-up <paramref name="k"/> (1-based) is due.</summary>
    public DateTime FollowUpAt(Ticket ticket, int k) =>
        policy.AddBusiness(ticket.Sla.PendingSince!.Value,
            TimeSpan.FromTicks(policy.Options.PendingAutoSolveAfter.Ticks * k / (FollowUps + 1)));

    /// <summary>
    /// Counts the follow-ups due by <paramref name="now"/> as sent and returns how many that was (0 when none).
    /// Several due at once (after downtime) become one message, not a burst.
    /// </summary>
    public int TakeDueFollowUps(Ticket ticket, DateTime now)
    {
        var sla = ticket.Sla;
        var sent = sla.FollowUpsSent;
        while (sla.FollowUpsSent < FollowUps && FollowUpAt(ticket, sla.FollowUpsSent + 1) <= now)
            sla.FollowUpsSent++;
        sla.PendingNextAt = Next(ticket);
        return sla.FollowUpsSent - sent;
    }

    public bool IsLastFollowUp(Ticket ticket) => ticket.Sla.FollowUpsSent >= FollowUps;

    private DateTime? Next(Ticket ticket) =>
        ticket.Sla.FollowUpsSent < FollowUps ? FollowUpAt(ticket, ticket.Sla.FollowUpsSent + 1) : ticket.Sla.AutoSolveAt;
}
