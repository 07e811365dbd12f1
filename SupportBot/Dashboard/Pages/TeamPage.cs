using SupportBot.Dashboard.Data;
using SupportBot.Slack.Users;
using SupportBot.Tickets;
using static SupportBot.Dashboard.Html.Html;

namespace SupportBot.Dashboard.Pages;

/// <summary>
/// Workload per engineer (open tickets by status, overdue first responses, solved in the last 7 days), each name a
/// link to that engineer's tickets, and every open ticket in one list a lead can filter and sort.
/// </summary>
public static class TeamPage
{
    public static string Render(IReadOnlyList<TicketFact> all, IEnumerable<string> team, ListQuery query, DateTime now, SlackUserDirectory names)
    {
        var weekAgo = now.AddDays(-7);
        var open = all.Where(t => t.IsOpen).ToList();
        var engineers = team.Concat(open.Select(t => t.AssigneeId).OfType<string>())
            .Distinct(StringComparer.Ordinal).OrderBy(names.Display, StringComparer.OrdinalIgnoreCase).ToList();
        var rows = engineers.Select(e =>
        {
            var held = open.Where(t => t.AssigneeId == e).ToList();
            return (IReadOnlyList<string>)
            [
                People.EngineerLink(e, names), N(held.Count),
                N(held.Count(t => t.Status is TicketStatus.New or TicketStatus.Open)),
                N(held.Count(t => t.Status == TicketStatus.Pending)),
                N(held.Count(t => t.Status == TicketStatus.OnHold)),
                N(held.Count(t => t.SlaMet(now) == false && t.FirstResponseAt is null)),
                N(all.Count(t => t.AssigneeId == e && t.SolvedAt >= weekAgo)),
            ];
        });
        var unassigned = open.Count(t => t.AssigneeId is null);
        return $"<p>{N(unassigned)} open ticket{(unassigned == 1 ? " is" : "s are")} unassigned (<a href=\"/\">the queue</a>).</p>" +
               Table("Open work per engineer", ["Engineer", "Open", "New/Open", "Pending", "On-hold", "SLA overdue", "Solved (7 days)"], rows) +
               "<h2 id=\"open\">All open tickets and Tasks</h2>" +
               ListTable.Render(People.TeamPath, query, open, engineers, "Open tickets and Tasks", "No open tickets.", now, names);
    }
}
