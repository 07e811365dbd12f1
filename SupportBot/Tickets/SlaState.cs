
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

    /// <summary>The SLA policy the targets come from: "policy N" of Sla:Policies, or null for the default settings.</summary>
    public string? Policy { get; set; }

    /// <summary>
    /// The next-reply clock: runs from the first customer message the team has not answered (after the first
    /// response) until an engineer's public answer. Its reminders are due through <see cref="NextCheckAt"/> too.
    /// </summary>
    public SlaTimer NextReply { get; set; } = new();

    /// <summary>The resolution clock: business time while New or Open, paused in Pending and On-hold, kept across a reopen.</summary>
    public SlaTimer Resolution { get; set; } = new();

    /// <summary>Business time the resolution clock counted before <see cref="ResolutionRunningSince"/> (all of it once solved).</summary>
    public TimeSpan ResolutionUsed { get; set; }

    /// <summary>When the resolution clock last started counting; null while it is paused or stopped.</summary>
    public DateTime? ResolutionRunningSince { get; set; }

    /// <summary>Each run of customer messages and the team's answer to it, oldest first (the last <see cref="MaxReplyWaits"/>): what reports count.</summary>
    public List<ReplyWait> ReplyWaits { get; set; } = [];

    public const int MaxReplyWaits = 50;

    /// <summary>Whether the resolution target was met: null without one or while the ticket is not yet solved.</summary>
    public bool? ResolutionMet(TicketStatus status) =>
        Resolution.Target is { } target && status.IsDone() ? ResolutionUsed <= target : null;
}

/// <summary>One SLA clock's deadline and what was already sent about it. A class, because stores map by setters.</summary>
public sealed class SlaTimer
{
    /// <summary>The business-time target; null when the policy sets none (the clock never runs).</summary>
    public TimeSpan? Target { get; set; }

    public DateTime? StartedAt { get; set; }
    public DateTime? DueAt { get; set; }
    public DateTime? AtRiskAt { get; set; }
    public DateTime? AtRiskSentAt { get; set; }
    public DateTime? BreachSentAt { get; set; }
    public int NagsSent { get; set; }
    public DateTime? LastNagAt { get; set; }
}

/// <summary>A customer waiting for the team's next reply: from their first unanswered message to the team's public answer.</summary>
public sealed class ReplyWait
{
    public DateTime From { get; set; }
    public DateTime? AnsweredAt { get; set; }
    public string? AnsweredBy { get; set; }

    /// <summary>The next-reply target that applied; null when the policy has none.</summary>
    public TimeSpan? Target { get; set; }

    /// <summary>Business time from <see cref="From"/> to <see cref="AnsweredAt"/>, set when answered.</summary>
    public TimeSpan? Waited { get; set; }

    /// <summary>Null while unanswered or without a target.</summary>
    public bool? Met() => Target is { } target && Waited is { } waited ? waited <= target : null;
}
