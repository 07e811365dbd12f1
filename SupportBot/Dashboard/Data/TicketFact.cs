using SupportBot.Tickets;

namespace SupportBot.Dashboard.Data;

/// <summary>What the dashboard lists and reports about a ticket: a few dozen bytes, so 100,000 of them sit in memory.</summary>
public sealed record TicketFact(int Number, string Subject, TicketKind Kind, int? TaskOf, TicketSource Source, string? Customer,
    string ChannelId, Priority Priority, TicketStatus Status, string? AssigneeId, DateTime CreatedAt, DateTime? FirstResponseAt,
    DateTime? FirstResponseDueAt, DateTime? SolvedAt, DateTime? ClosedAt, ResolutionPath? Path, bool Reopened, CsatRating? Csat)
{
    private static readonly string ReopenedFrom = TicketStatus.Solved.Display() + " → ";

    public static TicketFact From(Ticket t) => From(t, null);

    /// <param name="strings">Where the ids and names that many facts repeat are kept once.</param>
    public static TicketFact From(Ticket t, SharedStrings? strings) => new(t.Number, t.Subject, t.Kind, t.TaskOf, t.Source,
        Share(strings, t.CustomerName), Share(strings, t.ChannelId)!, t.Priority, t.Status, Share(strings, t.AssigneeId),
        t.CreatedAt, t.FirstResponseAt, t.FirstResponseDueAt, t.SolvedAt, t.ClosedAt, t.Resolution?.Path, t.History.Exists(h => h.What.StartsWith(ReopenedFrom, StringComparison.Ordinal)), t.Csat?.Rating);

    private static string? Share(SharedStrings? strings, string? value) => strings is null ? value : strings.Share(value);

    public bool IsOpen => !Status.IsDone();

    /// <summary>When it last left the open backlog (solved or closed); null while open.</summary>
    public DateTime? DoneAt => IsOpen ? null : SolvedAt ?? ClosedAt;

    /// <summary>Met, missed, or not decided yet (no due time, or still inside it with no response).</summary>
    public bool? SlaMet(DateTime now) => FirstResponseDueAt is not { } due ? null
        : FirstResponseAt is { } first ? first <= due
        : now > due ? false : null;
}
