using SupportBot.Tickets;

namespace SupportBot.Sla;

/// <summary>The <c>Sla</c> section: business hours, first-response targets, reminders, pending and solved clocks.</summary>
public sealed class SlaOptions
{
    public const string Section = "Sla";

    /// <summary>IANA id; blank means UTC.</summary>
    public string? TimeZone { get; set; }

    /// <summary>Day name → "09:00-17:00" (comma-separated intervals, "00:00-24:00", or blank/"closed"); missing days: Mon–Fri 09–17.</summary>
    public Dictionary<string, string?> BusinessHours { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Local dates (yyyy-MM-dd) without business time.</summary>
    public List<string> Holidays { get; set; } = [];

    /// <summary>First-response targets in business time.</summary>
    public FirstResponseTargets FirstResponse { get; set; } = new();

    /// <summary>Customer tier → overrides of <see cref="FirstResponse"/> (e.g. Sla:Tiers:Enterprise:FirstResponse:High).</summary>
    public Dictionary<string, SlaTier> Tiers { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The default policy's next-reply target; none: no next-reply clock unless a policy sets one.</summary>
    public TimeSpan? NextReply { get; set; }

    /// <summary>The default policy's resolution target; none: no resolution clock unless a policy sets one.</summary>
    public TimeSpan? Resolution { get; set; }

    /// <summary>Sla:Policies:N, tried in order: the first whose <c>Match</c> fits a ticket sets its targets; none fits: the settings above.</summary>
    public List<SlaPolicyOptions> Policies { get; set; } = [];

    /// <summary>Fraction of the target after which one at-risk warning goes out.</summary>
    public double AtRisk { get; set; } = 0.75;

    /// <summary>Reminder interval after a breach, until the clock stops (an answer, a resolution).</summary>
    public TimeSpan NagEvery { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>Reminders after the breach message, so one forgotten ticket cannot flood the channel.</summary>
    public int MaxNags { get; set; } = 6;

    /// <summary>User ids (U…) or one user group (S…) mentioned when an unassigned ticket breaches.</summary>
    public List<string> EscalateTo { get; set; } = [];

    /// <summary>Follow-ups to a silent customer, evenly spaced inside <see cref="PendingAutoSolveAfter"/>.</summary>
    public int PendingFollowUps { get; set; } = 2;

    /// <summary>Business time a Pending ticket waits for the customer before it counts as solved.</summary>
    public TimeSpan PendingAutoSolveAfter { get; set; } = TimeSpan.FromDays(2);

    /// <summary>Calendar time from Solved to Closed.</summary>
    public TimeSpan SolvedAutoCloseAfter { get; set; } = TimeSpan.FromDays(3);
}

public sealed class FirstResponseTargets
{
    public TimeSpan Urgent { get; set; } = TimeSpan.FromMinutes(30);
    public TimeSpan High { get; set; } = TimeSpan.FromHours(1);
    public TimeSpan Normal { get; set; } = TimeSpan.FromHours(2);
    public TimeSpan Low { get; set; } = TimeSpan.FromHours(8);

    public TimeSpan For(Priority priority) => priority switch
    {
        Priority.Urgent => Urgent,
        Priority.High => High,
        Priority.Low => Low,
        _ => Normal,
    };
}

/// <summary>A customer tier's overrides; a priority left out keeps the default target.</summary>
public sealed class SlaTier
{
    public TierFirstResponse FirstResponse { get; set; } = new();
}

public sealed class TierFirstResponse
{
    public TimeSpan? Urgent { get; set; }
    public TimeSpan? High { get; set; }
    public TimeSpan? Normal { get; set; }
    public TimeSpan? Low { get; set; }

    public TimeSpan? For(Priority priority) => priority switch
    {
        Priority.Urgent => Urgent,
        Priority.High => High,
        Priority.Low => Low,
        _ => Normal,
    };
}
