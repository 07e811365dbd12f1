using System.Globalization;
using System.Xml.Linq;
using SupportBot.Dashboard.Charts;

namespace SupportBot.Tests.Dashboard;

/// <summary>The SVG writer: well-formed, proportional, escaped, honest about empty data.</summary>
public sealed class SvgChartTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    [Fact]
    public void Stacked_bars_are_valid_svg_with_heights_in_proportion()
    {
        var xml = XDocument.Parse(SvgChart.StackedBars("Created", ["W1", "W2"], [new("Form", [10, 20]), new("Email", [0, 20])]));

        var bars = xml.Descendants(Svg + "rect").Where(r => r.Element(Svg + "title") is not null).ToList();
        Assert.Equal(3, bars.Count); // the zero value draws nothing
        var heights = bars.Select(b => double.Parse(b.Attribute("height")!.Value, CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(heights[0] * 2, heights[1], 1);
        Assert.Equal(heights[1], heights[2], 1);
        Assert.Equal("Created", xml.Root!.Element(Svg + "title")!.Value);
    }

    [Fact]
    public void Text_is_escaped()
    {
        var svg = SvgChart.Lines("<b>&</b>", ["<w>"], [new("</svg><script>", [1])]);

        Assert.DoesNotContain("<script>", svg, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>", svg, StringComparison.Ordinal);
        XDocument.Parse(svg);
    }

    [Fact]
    public void Lines_skip_missing_weeks()
    {
        var xml = XDocument.Parse(SvgChart.Lines("FR", ["a", "b", "c"], [new("Median", [1, double.NaN, 3])]));

        Assert.Equal(2, xml.Descendants(Svg + "circle").Count());
        Assert.Equal(2, xml.Descendants(Svg + "polyline").Single().Attribute("points")!.Value.Split(' ').Length);
    }

    [Fact]
    public void No_data_says_so()
    {
        Assert.Contains("No data", SvgChart.StackedBars("Empty", [], []), StringComparison.Ordinal);
    }

    [Fact]
    public void A_series_of_the_wrong_length_is_refused()
    {
        Assert.Throws<ArgumentException>(() => SvgChart.StackedBars("x", ["a", "b"], [new("s", [1])]));
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(3, 4)]
    [InlineData(7, 8)]
    [InlineData(12, 20)]
    [InlineData(230, 400)]
    [InlineData(100, 100)]
    [InlineData(0.3, 0.4)]
    public void The_axis_top_rounds_up_to_a_readable_step(double max, double expected)
    {
        Assert.Equal(expected, SvgChart.NiceMax(max), 6);
    }
}
