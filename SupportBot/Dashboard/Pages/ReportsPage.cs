using SupportBot.Csat;
using SupportBot.Dashboard.Charts;
using SupportBot.Dashboard.Reports;
using SupportBot.Tickets;
using static SupportBot.Dashboard.Html.Html;

namespace SupportBot.Dashboard.Pages;

/// <summary>The Reports page: headline cards, SVG charts per week, resolution paths, CSAT, and the CSV export form.</summary>
public static class ReportsPage
{
    public static string Render(Report r, DateTime from, DateTime to)
    {
        var range = $"""
            <form class="range" method="get" action="/reports">
            <label>From <input type="date" name="from" value="{Day(from)}" required></label>
            <label>To <input type="date" name="to" value="{Day(to.AddDays(-1))}" required></label>
            <button type="submit">Show</button>
            <button type="submit" formaction="/reports.csv">Export tickets as CSV</button>
            </form>
            """;
        var sla = r.SlaDecided == 0 ? "–" : N(100.0 * r.SlaMet / r.SlaDecided, "0.0") + " %";
        var reopen = r.Solved == 0 ? "–" : N(100.0 * r.Reopened / r.Solved, "0.0") + " %";
        var rated = r.Csat.Values.Sum();
        var csat = rated == 0 ? "–" : N(100.0 * r.Csat[CsatRating.Good] / rated, "0") + " % good";
        var cards = $"""
            <div class="cards">
            <div class="card">Created<b>{N(r.Created)}</b></div>
            <div class="card">First-response SLA met<b>{sla}</b></div>
            <div class="card">Solved<b>{N(r.Solved)}</b></div>
            <div class="card">Reopened<b>{reopen}</b></div>
            <div class="card">CSAT ({N(rated)} ratings)<b>{csat}</b></div>
            </div>
            """;
        var charts = "<div class=\"grid\">" +
            Figure(SvgChart.StackedBars("Tickets created per week, by source", r.Weeks, r.BySource)) +
            Figure(SvgChart.StackedBars("Tickets created per week, by customer", r.Weeks, r.ByCustomer)) +
            Figure(SvgChart.Lines("First response per week (hours): median and p90", r.Weeks, r.FirstResponseHours, "h")) +
            Figure(SvgChart.Lines("First-response SLA met per week (%)", r.Weeks, r.SlaPercent, "%")) +
            Figure(SvgChart.StackedBars("Backlog: open tickets at each week's end", r.Weeks, r.Backlog)) +
            Figure(SvgChart.StackedBars("CSAT ratings per week", r.Weeks, r.CsatByWeek)) +
            "</div>";
        var paths = Table("Solved tickets by resolution path", ["Path", "Tickets", "Share"],
            r.Paths.Select(p => (IReadOnlyList<string>)[E(p.Key), N(p.Value), N(100.0 * p.Value / Math.Max(1, r.Solved), "0") + " %"]),
            "Nothing solved in this range.");
        var ratings = Table("CSAT answers", ["Rating", "Answers"],
            r.Csat.Select(c => (IReadOnlyList<string>)[E(CsatQuestion.Label(c.Key)), N(c.Value)]));
        return range + cards + charts + "<h2>Resolution paths</h2>" + paths + "<h2>CSAT</h2>" + ratings;
    }

    /// <summary>The chart with its title shown above it (the SVG's own title is for screen readers and tooltips).</summary>
    private static string Figure(string svg)
    {
        var start = svg.IndexOf("<title>", StringComparison.Ordinal) + "<title>".Length;
        var title = svg[start..svg.IndexOf("</title>", start, StringComparison.Ordinal)]; // already escaped by the writer
        return $"<figure><figcaption>{title}</figcaption>{svg}</figure>";
    }
}
