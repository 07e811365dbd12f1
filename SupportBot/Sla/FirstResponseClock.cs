using SupportBot.Tickets;
using SupportBot.Tickets.Intake;

namespace SupportBot.Sla;

/// <summary>
/// The first-response clock: stamps the policy's targets and the due time at creation, decides which reminder is
/// owed, and keeps <see cref="SlaState.NextCheckAt"/> pointing at the next reminder of any clock.
/// <see cref="Ticket.FirstResponseAt"/> stops it, whoever sets it. Its state predates <see cref="SlaTimer"/> and stays
/// where stored tickets keep it; <see cref="ReminderTimer"/> works on a view of it.
/// </summary>
public sealed class FirstResponseClock(SlaPolicy policy, SlaClocks clocks) : ITicketCreatedHook
{
    public void OnCreating(Ticket ticket, DateTime now)
    {
        Stamp(ticket, now);
        clocks.Refresh(ticket, now);
    }

    /// <summary>
    /// Fixes the targets of the ticket's policy and the first-response due time from the creation instant. Called
    /// again when the priority, tier or customer changes (the matching policy may differ).
    /// </summary>
    public void Stamp(Ticket ticket, DateTime now)
    {
        var sla = ticket.Sla;
        var targets = policy.TargetsFor(ticket);
        var created = ticket.CreatedAt == default ? now : ticket.CreatedAt;
        var due = policy.AddBusiness(created, targets.FirstResponse);
        if (due > now)
        {
            // a new, later deadline: warnings about the old one no longer apply
            sla.AtRiskSentAt = null;
            sla.BreachSentAt = null;
            sla.NagsSent = 0;
            sla.LastNagAt = null;
        }
        sla.Policy = targets.Policy;
        sla.Target = targets.FirstResponse;
        sla.TargetPriority = ticket.Priority;
        sla.NextReply.Target = targets.NextReply;
        sla.Resolution.Target = targets.Resolution;
        sla.AtRiskAt = policy.AddBusiness(created, targets.FirstResponse * policy.Options.AtRisk);
        ticket.FirstResponseDueAt = due;
        Schedule(ticket);
    }

    /// <summary>Whether the stamped targets are still those of the policy that matches the ticket now.</summary>
    public bool IsCurrent(Ticket ticket)
    {
        var targets = policy.TargetsFor(ticket);
        var sla = ticket.Sla;
        return sla.TargetPriority == ticket.Priority && sla.Policy == targets.Policy && sla.Target == targets.FirstResponse
               && sla.NextReply.Target == targets.NextReply && sla.Resolution.Target == targets.Resolution;
    }

    public static bool IsStopped(Ticket ticket) =>
        ticket.FirstResponseAt is not null || ticket.Status.IsDone() || ticket.FirstResponseDueAt is null;

    /// <summary>Points <see cref="SlaState.NextCheckAt"/> at the next reminder of any clock, or clears it when none is owed.</summary>
    public void Schedule(Ticket ticket) => clocks.Schedule(ticket);

    /// <summary>Records and returns the first-response reminder owed at <paramref name="now"/> (see <see cref="ReminderTimer.Advance"/>).</summary>
    public SlaNoticeKind Advance(Ticket ticket, DateTime now)
    {
        if (!IsCurrent(ticket))
            Stamp(ticket, now);
        var view = View(ticket);
        var kind = ReminderTimer.Advance(view, policy, now);
        var sla = ticket.Sla;
        (sla.AtRiskSentAt, sla.BreachSentAt, sla.NagsSent, sla.LastNagAt) = (view.AtRiskSentAt, view.BreachSentAt, view.NagsSent, view.LastNagAt);
        Schedule(ticket);
        return kind;
    }

    /// <summary>The first-response state as a <see cref="SlaTimer"/>: no deadline once it is stopped.</summary>
    public static SlaTimer View(Ticket ticket)
    {
        var sla = ticket.Sla;
        return new SlaTimer
        {
            Target = sla.Target, DueAt = IsStopped(ticket) ? null : ticket.FirstResponseDueAt, AtRiskAt = sla.AtRiskAt,
            AtRiskSentAt = sla.AtRiskSentAt, BreachSentAt = sla.BreachSentAt, NagsSent = sla.NagsSent, LastNagAt = sla.LastNagAt,
        };
    }
}
