
namespace SupportBot.Tickets;

/// <summary>
/// A ticket's SLA clocks and what was already sent about them (stored on the ticket). Each concern keeps one
/// indexed "next due" instant, null when nothing is due, so a sweep reads only the tickets that need it; what was
/// sent is recorded in the same commit as the message, so a restart neither repeats nor forgets a reminder.
/// </summary>
public sealed class SlaState
{
    /// <summary>The business-time target <see cref="Ticket.FirstResponseDueAt"/> was computed from.</summary>
    public TimeSpan? Target { get; set; }

    /// <summary>The priority the target belongs to; a ticket whose priority differs is re-stamped.</summary>
    public Priority? TargetPriority { get; set; }

    public DateTime? AtRiskAt { get; set; }
    public DateTime? AtRiskSentAt { get; set; }
    public DateTime? BreachSentAt { get; set; }

    /// <summary>Reminders sent after the breach message (capped by Sla:MaxNags).</summary>
    public int NagsSent { get; set; }
    public DateTime? LastNagAt { get; set; }

    /// <summary>Indexed: when the first-response sweep must next look at the ticket.</summary>
    public DateTime? NextCheckAt { get; set; }

    public DateTime? PendingSince { get; set; }
    public DateTime? AutoSolveAt { get; set; }
    public int FollowUpsSent { get; set; }

    /// <summary>Indexed: the next follow-up or the auto-solve of a Pending ticket.</summary>
    public DateTime? PendingNextAt { get; set; }

    /// <summary>Indexed: when a Solved ticket closes by itself.</summary>
    public DateTime? AutoCloseAt { get; set; }
}
