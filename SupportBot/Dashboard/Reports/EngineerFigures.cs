using SupportBot.Dashboard.Data;

namespace SupportBot.Dashboard.Reports;

/// <summary>
/// One engineer's figures for a date range: requests they solved in it; and, over the requests created in it, the
/// median first response of those they hold, the median next reply they gave, and every clock of theirs with a
/// target (first response of those they hold, next replies they gave or that wait on them, resolutions of those they solved).
/// </summary>
public sealed record EngineerFigures(string UserId, int Solved, double MedianFirstResponseHours, double MedianNextReplyHours, SlaRatio Sla)
{
    /// <summary>Most solved first, then by id so the order is stable.</summary>
    /// <param name="requests">Every customer request (a ticket created earlier may be solved in the range).</param>
    /// <param name="created">The requests created in the range.</param>
    public static List<EngineerFigures> Build(IEnumerable<TicketFact> requests, IEnumerable<TicketFact> created, DateTime from, DateTime to, DateTime now)
    {
        var people = new Dictionary<string, Tally>(StringComparer.Ordinal);
        Tally Of(string userId) => people.TryGetValue(userId, out var tally) ? tally : people[userId] = new Tally();

        foreach (var t in requests)
        {
            if (t.Solver is { } solver && t.SolvedAt >= from && t.SolvedAt < to)
                Of(solver).Solved++;
        }
        foreach (var t in created)
        {
            if (t.AssigneeId is { } holder)
            {
                var tally = Of(holder);
                if (t.FirstResponseAt is { } first)
                    tally.FirstResponses.Add((first - t.CreatedAt).TotalHours);
                tally.Sla = tally.Sla.With(t.SlaMet(now));
            }
            foreach (var wait in t.Waits)
            {
                // an unanswered wait past its due time is missed by whoever holds the ticket
                if ((wait.AnsweredBy ?? t.AssigneeId) is not { } who)
                    continue;
                var tally = Of(who);
                if (wait.Waited is { } waited && wait.AnsweredBy is not null)
                    tally.NextReplies.Add(waited.TotalHours);
                tally.Sla = tally.Sla.With(wait.Met(now));
            }
            if (t.Solver is { } solver)
                Of(solver).Sla = Of(solver).Sla.With(t.ResolutionMet);
        }
        return people
            .Select(p => new EngineerFigures(p.Key, p.Value.Solved, Report.Percentile(p.Value.FirstResponses, 0.5),
                Report.Percentile(p.Value.NextReplies, 0.5), p.Value.Sla))
            .OrderByDescending(e => e.Solved).ThenBy(e => e.UserId, StringComparer.Ordinal).ToList();
    }

    private sealed class Tally
    {
        public int Solved { get; set; }
        public List<double> FirstResponses { get; } = [];
        public List<double> NextReplies { get; } = [];
        public SlaRatio Sla { get; set; }
    }
}
