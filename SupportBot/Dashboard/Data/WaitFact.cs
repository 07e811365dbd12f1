using SupportBot.Tickets;

namespace SupportBot.Dashboard.Data;

/// <summary>
/// One customer wait for the team's next reply as reports count it (<see cref="ReplyWait"/>), in 24 bytes: the
/// time as whole seconds and the instant as ticks, since a fact is kept for every ticket.
/// </summary>
public readonly struct WaitFact
{
    private const int Unanswered = -1;
    private const sbyte Undecided = -1;

    /// <summary>For an unanswered wait with a target: when it becomes late; 0 otherwise.</summary>
    private readonly long _dueTicks;
    private readonly int _waitedSeconds;
    private readonly sbyte _met;

    public WaitFact(string? answeredBy, TimeSpan? waited, bool? met, DateTime? dueAt)
    {
        AnsweredBy = answeredBy;
        _waitedSeconds = waited is { } w ? (int)Math.Min(int.MaxValue, w.TotalSeconds) : Unanswered;
        _met = met is { } m ? (sbyte)(m ? 1 : 0) : Undecided;
        _dueTicks = dueAt?.Ticks ?? 0;
    }

    public string? AnsweredBy { get; }

    /// <summary>Business time the customer waited for the answer; null while unanswered.</summary>
    public TimeSpan? Waited => _waitedSeconds == Unanswered ? null : TimeSpan.FromSeconds(_waitedSeconds);

    /// <summary>Met, missed (answered late, or still unanswered past its due time), or not decided / no target.</summary>
    public bool? Met(DateTime now) => _met != Undecided ? _met == 1
        : _dueTicks != 0 && now.Ticks > _dueTicks ? false
        : null;

    /// <summary>
    /// The ticket's waits; only the last can be unanswered (one clock runs per run of customer messages), and its
    /// due time is the running next-reply clock's.
    /// </summary>
    public static IReadOnlyList<WaitFact> From(SlaState sla, SharedStrings? strings)
    {
        if (sla.ReplyWaits.Count == 0)
            return [];
        return sla.ReplyWaits.Select(w => new WaitFact(strings is null ? w.AnsweredBy : strings.Share(w.AnsweredBy), w.Waited, w.Met(),
            w.AnsweredAt is null && w.Target is not null ? sla.NextReply.DueAt : null)).ToArray();
    }
}
