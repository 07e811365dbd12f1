using SupportBot.Dashboard.Charts;
using SupportBot.Dashboard.Reports;
using SupportBot.Slack.Users;
using static SupportBot.Dashboard.Html.Html;

namespace SupportBot.Dashboard.Pages;

/// <summary>The Reports page's per-engineer table and chart: each engineer by name with the Slack id beside it, since teams know both.</summary>
public static class EngineerFiguresView
{
    public const string ChartTitle = "Tickets solved per engineer";

    public static string Render(IReadOnlyList<EngineerFigures> engineers, SlackUserDirectory names)
    {
        var rows = engineers.Select(e => (IReadOnlyList<string>)
        [
            Who(e.UserId, names), N(e.Solved), Hours(e.MedianFirstResponseHours), Hours(e.MedianNextReplyHours),
            ReportsPage.Percent(e.Sla) + (e.Sla.Decided == 0 ? "" : $" ({N(e.Sla.Met)} of {N(e.Sla.Decided)})"),
        ]);
        var table = Table("Per engineer: solved in the range; medians and SLA clocks of the tickets created in it",
            ["Engineer", "Solved", "Median first response", "Median next reply", "SLA met"], rows, "No engineer worked a ticket in this range.");
        if (engineers.Count == 0)
            return table;
        var labels = engineers.Select(e => names.Display(e.UserId)).ToList();
        List<Series> solved = [new("Solved", engineers.Select(e => (double)e.Solved).ToList())];
        return table + "<div class=\"grid\">" +
               ChartFigure.Render(ChartTitle, SvgChart.StackedBars(ChartTitle, labels, solved), labels, solved, v => N(v), "Engineer") +
               "</div>";
    }

    /// <summary>The name people know, and the id too when it differs (the id is what other exports join on).</summary>
    private static string Who(string userId, SlackUserDirectory names) =>
        names.Display(userId) == userId ? E(userId) : $"{People.Name(userId, names)} <span class=\"muted\">{E(userId)}</span>";

    private static string Hours(double hours) => double.IsFinite(hours) ? E(ReportsPage.HoursOrMinutes(hours)) : "–";
}
