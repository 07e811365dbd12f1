using SupportBot.Dashboard.Data;
using SupportBot.Slack.Users;
using SupportBot.Tickets;
using static SupportBot.Dashboard.Html.Html;

namespace SupportBot.Dashboard.Pages;

/// <summary>Workload per engineer: open tickets by status, overdue first responses, solved in the last 7 days.</summary>
public static class TeamPage
{
    public static string Render(IReadOnlyList<TicketFact> all, IEnumerable<string> team, DateTime now, SlackUserDirectory names)
    {
        var weekAgo = now.AddDays(-7);
        var engineers = team.Concat(all.Where(t => t.IsOpen && t.AssigneeId is not null).Select(t => t.AssigneeId!))
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
        var rows = engineers.Select(e =>
        {
            var open = all.Where(t => t.IsOpen && t.AssigneeId == e).ToList();
            return (IReadOnlyList<string>)
            [
                E(names.Display(e)), N(open.Count),
                N(open.Count(t => t.Status is TicketStatus.New or TicketStatus.Open)),
                N(open.Count(t => t.Status == TicketStatus.Pending)),
                N(open.Count(t => t.Status == TicketStatus.OnHold)),
                N(open.Count(t => t.SlaMet(now) == false && t.FirstResponseAt is null)),
                N(all.Count(t => t.AssigneeId == e && t.SolvedAt >= weekAgo)),
            ];
        });
        var unassigned = all.Count(t => t.IsOpen && t.AssigneeId is null);
        return $"<p>{N(unassigned)} open ticket{(unassigned == 1 ? " is" : "s are")} unassigned (<a href=\"/\">the queue</a>).</p>" +
               Table("Open work per engineer", ["Engineer", "Open", "New/Open", "Pending", "On-hold", "SLA overdue", "Solved (7 days)"], rows);
    }
}
