using SupportBot.Dashboard.Charts;
using SupportBot.Dashboard.Html;
using SupportBot.Dashboard.Pages;

namespace SupportBot.Tests.Dashboard;

/// <summary>What the dashboard writes so every reader can read it: bidi-safe user text, legends and numbers beside charts, minutes.</summary>
public sealed class ReadableTextTests
{
    private const char Fsi = '\u2068', Pdi = '\u2069';

    [Theory]
    [InlineData("Evil\u202E Corp", "\u2068Evil\u202E Corp\u2069")]
    [InlineData("שלום 3", "\u2068שלום 3\u2069")]
    [InlineData("Acme Corp", "Acme Corp")]
    // a PDI of its own cannot end the isolation early, and an isolate it opens is closed before ours
    [InlineData("\u2069\u202Eevil", "\u2068\u202Eevil\u2069")]
    [InlineData("\u2067evil", "\u2068\u2067evil\u2069\u2069")]
    public void User_text_that_could_reorder_its_line_is_isolated(string text, string isolated)
    {
        Assert.Equal(isolated, BidiIsolation.Isolate(text));
    }

    [Fact]
    public void Shown_text_is_isolated_once_escaped_while_form_values_round_trip()
    {
        Assert.Equal("&#x2068;&lt;b&gt;Evil&#x202E;&#x2069;", Html.E("<b>Evil\u202E"));
        Assert.Equal("&lt;b&gt;Evil&#x202E;", Html.Value("<b>Evil\u202E"));
        Assert.DoesNotContain(Fsi, Html.E("Evil\u202E"));
        Assert.DoesNotContain(Pdi, Html.E("Evil\u202E"));
    }

    [Fact]
    public void A_chart_lists_every_series_in_a_legend_and_its_numbers_in_a_table()
    {
        string[] customers = ["Acme", "Globex", "Initech", "Umbrella", "Hooli", "Soylent", "Other"];
        var series = customers.Select((c, i) => new Series(c, [i, double.NaN])).ToList();

        var figure = ChartFigure.Render("By customer", SvgChart.StackedBars("By customer", ["W1", "W2"], series), ["W1", "W2"], series, v => $"{v} t");

        foreach (var customer in customers)
            Assert.Contains($"</svg>{customer}</li>", figure, StringComparison.Ordinal);
        Assert.Contains("<th scope=\"col\">Soylent</th>", figure, StringComparison.Ordinal);
        Assert.Contains("<tr><td>W1</td><td>0 t</td><td>1 t</td>", figure, StringComparison.Ordinal);
        Assert.Contains("<tr><td>W2</td><td>–</td>", figure, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0.75, "45 min")]
    [InlineData(0.01, "1 min")]
    [InlineData(1.99, "119 min")]
    [InlineData(2, "2 h")]
    [InlineData(30.25, "30.3 h")]
    public void First_response_times_under_two_hours_read_in_minutes(double hours, string shown)
    {
        Assert.Equal(shown, ReportsPage.HoursOrMinutes(hours));
    }
}
