using static SupportBot.Dashboard.Html.Html;

namespace SupportBot.Dashboard.Charts;

/// <summary>
/// A chart as the Reports page shows it: its title, the SVG, a legend in HTML (it wraps on a phone instead of being
/// cut off), and the same numbers in a table under "The numbers" for screen readers and anyone who wants exact values.
/// </summary>
public static class ChartFigure
{
    /// <param name="svg">The chart from <see cref="SvgChart"/>, drawn from the same labels and series.</param>
    /// <param name="format">A value as the table shows it.</param>
    /// <param name="labelsAre">What the labels are, as the table's first column is headed.</param>
    public static string Render(string title, string svg, IReadOnlyList<string> labels, IReadOnlyList<Series> series, Func<double, string> format,
        string labelsAre = "Week")
    {
        var legend = string.Concat(series.Select((s, i) =>
            $"<li><svg aria-hidden=\"true\" viewBox=\"0 0 10 10\"><rect width=\"10\" height=\"10\" fill=\"{SvgChart.Color(i)}\"/></svg>{E(s.Name)}</li>"));
        var rows = labels.Select((label, i) => (IReadOnlyList<string>)
            [E(label), .. series.Select(s => double.IsFinite(s.Values[i]) ? E(format(s.Values[i])) : "–")]);
        var numbers = Table(title, [labelsAre, .. series.Select(s => s.Name)], rows, "No data.");
        return $"<figure><figcaption>{E(title)}</figcaption>{svg}" +
               (series.Count == 0 ? "" : $"<ul class=\"legend\" aria-label=\"Legend\">{legend}</ul>") +
               $"<details><summary>The numbers</summary>{numbers}</details></figure>";
    }
}
