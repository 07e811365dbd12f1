using SupportBot.Time;

namespace SupportBot.Tickets;

/// <summary>
/// How a ticket's SLA targets and due times read, the same on <c>/ticket N</c>, the triage card, App Home and the
/// dashboard. Plain text: each caller escapes or formats it for its medium.
/// </summary>
public static class SlaLines
{
    /// <summary>"policy 0 · first response 7m · next reply 13m · resolution 5h 0m": the targets that apply.</summary>
    public static string Targets(Ticket t)
    {
        var sla = t.Sla;
        var parts = new List<string>();
        if (sla.Policy is { } policy)
            parts.Add(policy);
        if (sla.Target is { } first)
            parts.Add($"first response {Durations.Short(first)}");
        if (sla.NextReply.Target is { } next)
            parts.Add($"next reply {Durations.Short(next)}");
        if (sla.Resolution.Target is { } resolution)
            parts.Add($"resolution {Durations.Short(resolution)}");
        return string.Join(" · ", parts);
    }

    /// <summary>The customer's unanswered wait and when the next reply is due; null when nobody is waiting.</summary>
    public static string? NextReply(Ticket t)
    {
        var timer = t.Sla.NextReply;
        if (timer.StartedAt is not { } since)
            return null;
        return timer.DueAt is { } due
            ? $"due {Durations.Stamp(due)} (the customer has waited since {Durations.Stamp(since)})"
            : $"the customer has waited since {Durations.Stamp(since)}";
    }

    /// <summary>The resolution clock: its due time while it counts, paused, or met/missed once solved; null without a target.</summary>
    public static string? Resolution(Ticket t)
    {
        var sla = t.Sla;
        if (sla.Resolution.Target is not { } target)
            return null;
        // while it counts, its due time says it all; the time used is told once it pauses or stops
        var used = $"{Durations.Short(sla.ResolutionUsed)} of {Durations.Short(target)} used";
        if (sla.ResolutionMet(t.Status) is { } met)
            return $"{(met ? "met" : "missed")} ({used})";
        return sla.Resolution.DueAt is { } due ? $"due {Durations.Stamp(due)} ({Durations.Short(target)})" : $"paused while {t.Status.Display()} ({used})";
    }
}
