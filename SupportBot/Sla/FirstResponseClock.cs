using SupportBot.Tickets;
using SupportBot.Tickets.Intake;

namespace SupportBot.Sla;

/// <summary>What the first-response sweep owes a ticket at a given moment.</summary>
public enum FirstResponseNoticeKind
{
    None,
    AtRisk,
    Breach,
    Nag,
}

/// <summary>
/// The first-response clock: stamps the due time at creation, decides which reminder is owed, and keeps
/// <see cref="SlaState.NextCheckAt"/> pointing at the next one. <see cref="Ticket.FirstResponseAt"/> stops it,
/// whoever sets it.
/// </summary>
public sealed class FirstResponseClock(SlaPolicy policy) : ITicketCreatedHook
{
    public void OnCreating(Ticket ticket, DateTime now) => Stamp(ticket, now);

    /// <summary>Fixes the due time from the creation instant, priority and tier. Call again when the priority changes.</summary>
    public void Stamp(Ticket ticket, DateTime now)
    {
        var sla = ticket.Sla;
        var created = ticket.CreatedAt == default ? now : ticket.CreatedAt;
        var target = policy.FirstResponseTarget(ticket);
        var due = policy.AddBusiness(created, target);
        if (due > now)
        {
            // a new, later deadline: warnings about the old one no longer apply
            sla.AtRiskSentAt = null;
            sla.BreachSentAt = null;
            sla.NagsSent = 0;
            sla.LastNagAt = null;
        }
        sla.Target = target;
        sla.TargetPriority = ticket.Priority;
        sla.AtRiskAt = policy.AddBusiness(created, target * policy.Options.AtRisk);
        ticket.FirstResponseDueAt = due;
        Schedule(ticket);
    }

    public static bool IsStopped(Ticket ticket) =>
        ticket.FirstResponseAt is not null || ticket.Status.IsDone() || ticket.FirstResponseDueAt is null;

    /// <summary>Points <see cref="SlaState.NextCheckAt"/> at the next reminder, or clears it when none is owed.</summary>
    public void Schedule(Ticket ticket)
    {
        var sla = ticket.Sla;
        sla.NextCheckAt = IsStopped(ticket) ? null
            : sla.BreachSentAt is null ? (sla.AtRiskSentAt is null && sla.AtRiskAt < ticket.FirstResponseDueAt ? sla.AtRiskAt : ticket.FirstResponseDueAt)
            : sla.NagsSent < policy.Options.MaxNags ? policy.AddBusiness(sla.LastNagAt ?? sla.BreachSentAt.Value, policy.Options.NagEvery)
            : null;
    }

    /// <summary>
    /// Records and returns the one reminder owed at <paramref name="now"/>. After downtime this is a single
    /// message (a breach skips its at-risk warning), and the next one is counted from now, not from the backlog.
    /// </summary>
    public FirstResponseNoticeKind Advance(Ticket ticket, DateTime now)
    {
        if (ticket.Sla.TargetPriority is { } stamped && stamped != ticket.Priority)
            Stamp(ticket, now);
        var sla = ticket.Sla;
        var kind = IsStopped(ticket) || sla.NextCheckAt is not { } next || next > now ? FirstResponseNoticeKind.None
            : sla.BreachSentAt is not null ? FirstResponseNoticeKind.Nag
            : now >= ticket.FirstResponseDueAt ? FirstResponseNoticeKind.Breach
            : FirstResponseNoticeKind.AtRisk;
        switch (kind)
        {
            case FirstResponseNoticeKind.AtRisk:
                sla.AtRiskSentAt = now;
                break;
            case FirstResponseNoticeKind.Breach:
                sla.BreachSentAt = now;
                break;
            case FirstResponseNoticeKind.Nag:
                sla.NagsSent++;
                sla.LastNagAt = now;
                break;
        }
        Schedule(ticket);
        return kind;
    }
}
