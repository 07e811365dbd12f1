using SupportBot.Csat;
using SupportBot.Dashboard.Charts;
using SupportBot.Dashboard.Reports;
using SupportBot.Slack.Users;
using SupportBot.Tickets;
using static SupportBot.Dashboard.Html.Html;

namespace SupportBot.Dashboard.Pages;

/// <summary>The Reports page: headline cards, SVG charts per week, per-engineer figures, resolution paths, CSAT, tags, and the CSV export form.</summary>
public static class ReportsPage
{
    public static string Render(Report r, DateTime from, DateTime to, SlackUserDirectory names)
    {
        var range = $"""
            <form class="range" method="get" action="/reports">
            <label>From <input type="date" name="from" value="{Day(from)}" required></label>
            <label>To <input type="date" name="to" value="{Day(to.AddDays(-1))}" required></label>
            <button type="submit">Show</button>
            <button type="submit" formaction="/reports.csv">Export tickets as CSV</button>
            </form>
            """;
        var reopen = r.Solved == 0 ? "–" : N(100.0 * r.Reopened / r.Solved, "0.0") + " %";
        var rated = r.Csat.Values.Sum();
        var csat = rated == 0 ? "–" : N(100.0 * r.Csat[CsatRating.Good] / rated, "0") + " % good";
        var cards = $"""
            <div class="cards">
            <div class="card">Created<b>{N(r.Created)}</b></div>
            <div class="card">First-response SLA met<b>{Percent(new SlaRatio(r.SlaMet, r.SlaDecided))}</b></div>
            <div class="card">Next-reply SLA met ({N(r.NextReply.Decided)} waits)<b>{Percent(r.NextReply)}</b></div>
            <div class="card">Resolution SLA met ({N(r.Resolution.Decided)} tickets)<b>{Percent(r.Resolution)}</b></div>
            <div class="card">Solved<b>{N(r.Solved)}</b></div>
            <div class="card">Reopened<b>{reopen}</b></div>
            <div class="card">CSAT ({N(rated)} ratings)<b>{csat}</b></div>
            </div>
            """;
        var charts = "<div class=\"grid\">" +
            Bars("Tickets created per week, by source", r.Weeks, r.BySource) +
            Bars("Tickets created per week, by customer", r.Weeks, r.ByCustomer) +
            FirstResponse(r.Weeks, r.FirstResponseHours) +
            Lines("First-response SLA met per week (%)", r.Weeks, r.SlaPercent, v => N(v) + " %", "%") +
            Bars("Backlog: open tickets at each week's end", r.Weeks, r.Backlog) +
            Bars("CSAT ratings per week", r.Weeks, r.CsatByWeek) +
            "</div>";
        var paths = Table("Solved tickets by resolution path", ["Path", "Tickets", "Share"],
            r.Paths.Select(p => (IReadOnlyList<string>)[E(p.Key), N(p.Value), N(100.0 * p.Value / Math.Max(1, r.Solved), "0") + " %"]),
            "Nothing solved in this range.");
        var ratings = Table("CSAT answers", ["Rating", "Answers"],
            r.Csat.Select(c => (IReadOnlyList<string>)[E(CsatQuestion.Label(c.Key)), N(c.Value)]));
        var tags = r.Tags.Count == 0 ? "" : "<h2>Tags</h2>" + Table("Requests created in the range, by tag", ["Tag", "Tickets"],
            r.Tags.Select(t => (IReadOnlyList<string>)[E(t.Key), N(t.Value)]));
        return range + cards + charts + "<h2>Per engineer</h2>" + EngineerFiguresView.Render(r.Engineers, names) +
               "<h2>Resolution paths</h2>" + paths + "<h2>CSAT</h2>" + ratings + tags;
    }

    /// <summary>An SLA's share met, or "–" while nothing with a target is decided (0 % would say every one was missed).</summary>
    public static string Percent(SlaRatio ratio) => ratio.Percent is { } p ? N(p, "0.0") + " %" : "–";

    /// <summary>
    /// First-response times: in minutes while every week's are under two hours ("45 min", where hours would read "0h"),
    /// otherwise in hours, each value under two hours still said in minutes.
    /// </summary>
    private static string FirstResponse(IReadOnlyList<string> weeks, IReadOnlyList<Series> hours)
    {
        if (hours.SelectMany(s => s.Values).Where(double.IsFinite).All(h => h < 2))
            return Lines("First response per week (minutes): median and p90", weeks,
                hours.Select(s => s with { Values = s.Values.Select(h => h * 60).ToList() }).ToList(), m => N(m, "0") + " min", " min");
        return Lines("First response per week (hours): median and p90", weeks, hours, HoursOrMinutes, " h");
    }

    public static string HoursOrMinutes(double hours) => hours < 2 ? N(hours * 60, "0") + " min" : N(hours) + " h";

    private static string Bars(string title, IReadOnlyList<string> weeks, IReadOnlyList<Series> series) =>
        ChartFigure.Render(title, SvgChart.StackedBars(title, weeks, series), weeks, series, v => N(v));

    private static string Lines(string title, IReadOnlyList<string> weeks, IReadOnlyList<Series> series, Func<double, string> format, string unit) =>
        ChartFigure.Render(title, SvgChart.Lines(title, weeks, series, unit, format), weeks, series, format);
}
