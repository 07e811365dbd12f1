using SupportBot.Tickets;

namespace SupportBot.Dashboard.Data;

/// <summary>
/// What the dashboard lists and reports about a ticket, kept for every ticket (100,000 of them sit in memory). Stored
/// compactly: the enums as bytes and the optional values without a <see cref="Nullable{T}"/> each (a nullable
/// date is 16 bytes): 112 bytes a fact instead of 184 as a positional record, 6.5 MB at 100,000 tickets. The
/// reports' solver, tags, waits and resolution time add 32 bytes; what they point at is shared (ids, tag sets, the
/// empty list of waits) but for the tickets that had waits, 24 bytes a wait.
/// </summary>
public sealed record TicketFact
{
    private const byte None = byte.MaxValue;

    private readonly DateTime _created, _firstResponse, _firstResponseDue, _atRisk, _solved, _closed;
    private readonly int _taskOf;
    private readonly byte _kind, _source, _priority, _status, _path, _csat, _resolutionMet = None;
    private readonly TimeSpan _resolutionUsed;
    /// <summary>Which of the optional values are set: <see cref="Has"/>.</summary>
    private readonly Has _has;

    [Flags]
    private enum Has : byte
    {
        TaskOf = 1, FirstResponse = 2, FirstResponseDue = 4, Solved = 8, Closed = 16, Reopened = 32, AtRisk = 64, ResolutionUsed = 128,
    }

    public TicketFact(int number, string subject, TicketKind kind, int? taskOf, TicketSource source, string? customer,
        string channelId, Priority priority, TicketStatus status, string? assigneeId, DateTime createdAt, DateTime? firstResponseAt,
        DateTime? firstResponseDueAt, DateTime? solvedAt, DateTime? closedAt, ResolutionPath? path, bool reopened, CsatRating? csat,
        DateTime? atRiskAt = null)
    {
        (Number, Subject, Customer, ChannelId, AssigneeId, _created) = (number, subject, customer, channelId, assigneeId, createdAt);
        (_kind, _source, _priority, _status) = ((byte)kind, (byte)source, (byte)priority, (byte)status);
        (_path, _csat) = (path is { } p ? (byte)p : None, csat is { } c ? (byte)c : None);
        _has = (taskOf is null ? 0 : Has.TaskOf) | (reopened ? Has.Reopened : 0)
               | Keep(firstResponseAt, Has.FirstResponse, out _firstResponse) | Keep(firstResponseDueAt, Has.FirstResponseDue, out _firstResponseDue)
               | Keep(solvedAt, Has.Solved, out _solved) | Keep(closedAt, Has.Closed, out _closed)
               | Keep(atRiskAt, Has.AtRisk, out _atRisk);
        _taskOf = taskOf ?? 0;
    }

    public int Number { get; }
    public string Subject { get; }
    public string? Customer { get; }
    public string ChannelId { get; }
    public string? AssigneeId { get; }
    public TicketKind Kind => (TicketKind)_kind;
    public int? TaskOf => _has.HasFlag(Has.TaskOf) ? _taskOf : null;
    public TicketSource Source => (TicketSource)_source;
    public Priority Priority => (Priority)_priority;
    public TicketStatus Status => (TicketStatus)_status;
    public DateTime CreatedAt => _created;
    public DateTime? FirstResponseAt => Get(Has.FirstResponse, _firstResponse);
    public DateTime? FirstResponseDueAt => Get(Has.FirstResponseDue, _firstResponseDue);
    /// <summary>When the SLA feature warns that the first response is at risk (its <c>Sla:AtRisk</c> share of the target).</summary>
    public DateTime? AtRiskAt => Get(Has.AtRisk, _atRisk);
    public DateTime? SolvedAt => Get(Has.Solved, _solved);
    public DateTime? ClosedAt => Get(Has.Closed, _closed);
    public ResolutionPath? Path => _path == None ? null : (ResolutionPath)_path;
    public bool Reopened => _has.HasFlag(Has.Reopened);
    public CsatRating? Csat => _csat == None ? null : (CsatRating)_csat;

    /// <summary>Who solved it: the resolution's <see cref="TicketResolution.SolvedBy"/>, else whoever held it; null until solved.</summary>
    public string? Solver { get; init; }

    /// <summary>The ticket's tags, space-separated as the CSV writes them ("" for none): one string many tickets share.</summary>
    public string Tags { get; init; } = "";

    /// <summary>The customer's waits for the team's next reply (<see cref="SlaState.ReplyWaits"/>); most tickets have none.</summary>
    public IReadOnlyList<WaitFact> Waits { get; init; } = [];

    /// <summary>Whether the resolution target was met (<see cref="SlaState.ResolutionMet"/>): null without one or while not done.</summary>
    public bool? ResolutionMet
    {
        get => _resolutionMet == None ? null : _resolutionMet == 1;
        init => _resolutionMet = value is { } met ? (byte)(met ? 1 : 0) : None;
    }

    /// <summary>Business time the resolution clock counted; null while it runs (only the SLA feature can add the running part) or never ran.</summary>
    public TimeSpan? ResolutionUsed
    {
        get => _has.HasFlag(Has.ResolutionUsed) ? _resolutionUsed : null;
        init => _has = (_has & ~Has.ResolutionUsed) | Keep(value, Has.ResolutionUsed, out _resolutionUsed);
    }

    private static readonly string ReopenedFrom = TicketStatus.Solved.Display() + " → ";

    public static TicketFact From(Ticket t) => From(t, null);

    /// <param name="strings">Where the ids and names that many facts repeat are kept once.</param>
    public static TicketFact From(Ticket t, SharedStrings? strings) => new(t.Number, t.Subject, t.Kind, t.TaskOf, t.Source,
        Share(strings, t.CustomerName), Share(strings, t.ChannelId)!, t.Priority, t.Status, Share(strings, t.AssigneeId),
        t.CreatedAt, t.FirstResponseAt, t.FirstResponseDueAt, t.SolvedAt, t.ClosedAt, t.Resolution?.Path, t.History.Exists(h => h.What.StartsWith(ReopenedFrom, StringComparison.Ordinal)), t.Csat?.Rating,
        t.Sla.AtRiskAt)
    {
        Solver = Share(strings, t.Resolution?.SolvedBy ?? (t.SolvedAt is null ? null : t.AssigneeId)),
        Tags = Share(strings, string.Join(' ', t.Tags))!,
        Waits = WaitFact.From(t.Sla, strings),
        ResolutionMet = t.Sla.ResolutionMet(t.Status),
        ResolutionUsed = t.Sla.ResolutionRunningSince is null && (t.Sla.Resolution.Target is not null || t.Sla.ResolutionUsed > TimeSpan.Zero)
            ? t.Sla.ResolutionUsed : null,
    };

    private static string? Share(SharedStrings? strings, string? value) => strings is null ? value : strings.Share(value);

    private static Has Keep<T>(T? value, Has flag, out T kept)
        where T : struct
    {
        kept = value ?? default;
        return value is null ? 0 : flag;
    }

    private DateTime? Get(Has flag, DateTime value) => _has.HasFlag(flag) ? value : null;

    public bool IsOpen => !Status.IsDone();

    /// <summary>When it last left the open backlog (solved or closed); null while open.</summary>
    public DateTime? DoneAt => IsOpen ? null : SolvedAt ?? ClosedAt;

    /// <summary>Met, missed, or not decided yet (no due time, or still inside it with no response).</summary>
    public bool? SlaMet(DateTime now) => FirstResponseDueAt is not { } due ? null
        : FirstResponseAt is { } first ? first <= due
        : now > due ? false : null;

    /// <summary>Where the first response stands against its SLA now: late, inside the at-risk window, or neither.</summary>
    public SlaRisk Risk(DateTime now) => SlaMet(now) == false ? SlaRisk.Breached
        : FirstResponseAt is null && IsOpen && AtRiskAt <= now ? SlaRisk.AtRisk
        : SlaRisk.None;
}

/// <summary>The at-risk column's values, in the order a lead wants them first.</summary>
public enum SlaRisk
{
    Breached,
    AtRisk,
    None,
}
