using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;

namespace SupportBot.Dashboard.Charts;

/// <summary>One named row of values, one value per label (per week).</summary>
public sealed record Series(string Name, IReadOnlyList<double> Values);

/// <summary>
/// A small server-side SVG chart writer (stacked bars and lines over weekly labels): no script, no CDN, valid XML,
/// every text escaped. Scales to the largest value (stacked total for bars) rounded up to a readable step. The legend
/// and the numbers are the page's (<see cref="ChartFigure"/>): HTML wraps where SVG text would be cut off.
/// </summary>
public static class SvgChart
{
    public const int Width = 640;
    public const int Height = 260;
    private const int Left = 48, Right = 12, Top = 12, Bottom = 24;

    public static readonly string[] Palette = ["#1f6feb", "#2da44e", "#9a6700", "#cf222e", "#8250df", "#1b7c83", "#6e7781", "#e16f24"];

    /// <param name="format">A value as its tooltip says it; by default the number and <paramref name="unit"/>.</param>
    public static string StackedBars(string title, IReadOnlyList<string> labels, IReadOnlyList<Series> series, string unit = "",
        Func<double, string>? format = null)
    {
        format ??= v => F(v) + unit;
        Check(labels, series);
        var totals = labels.Select((_, i) => series.Sum(s => Math.Max(0, s.Values[i]))).ToList();
        var max = NiceMax(totals.DefaultIfEmpty(0).Max());
        var svg = Open(title, labels, series, max, unit);
        var slot = PlotWidth / Math.Max(1, labels.Count);
        var barWidth = Math.Max(2, slot * 0.7);
        for (var i = 0; i < labels.Count; i++)
        {
            var y = (double)(Top + PlotHeight);
            var x = Left + i * slot + (slot - barWidth) / 2;
            for (var s = 0; s < series.Count; s++)
            {
                var value = Math.Max(0, series[s].Values[i]);
                if (value == 0)
                    continue;
                var h = value / max * PlotHeight;
                y -= h;
                svg.Append(CultureInfo.InvariantCulture,
                    $"<rect x=\"{F(x)}\" y=\"{F(y)}\" width=\"{F(barWidth)}\" height=\"{F(h)}\" fill=\"{Color(s)}\"><title>{E(series[s].Name)} {E(labels[i])}: {E(format(value))}</title></rect>");
            }
        }
        return svg.Append("</svg>").ToString();
    }

    /// <param name="format">A value as its tooltip says it; by default the number and <paramref name="unit"/>.</param>
    public static string Lines(string title, IReadOnlyList<string> labels, IReadOnlyList<Series> series, string unit = "",
        Func<double, string>? format = null)
    {
        format ??= v => F(v) + unit;
        Check(labels, series);
        var max = NiceMax(series.SelectMany(s => s.Values).Where(double.IsFinite).DefaultIfEmpty(0).Max());
        var svg = Open(title, labels, series, max, unit);
        var slot = PlotWidth / Math.Max(1, labels.Count);
        for (var s = 0; s < series.Count; s++)
        {
            var points = series[s].Values
                .Select((v, i) => (v, i)).Where(p => double.IsFinite(p.v))
                .Select(p => (X: Left + p.i * slot + slot / 2, Y: Top + PlotHeight - p.v / max * PlotHeight, p.v, p.i)).ToList();
            if (points.Count == 0)
                continue;
            svg.Append(CultureInfo.InvariantCulture,
                $"<polyline fill=\"none\" stroke=\"{Color(s)}\" stroke-width=\"2\" points=\"{string.Join(' ', points.Select(p => $"{F(p.X)},{F(p.Y)}"))}\"/>");
            foreach (var p in points)
                svg.Append(CultureInfo.InvariantCulture,
                    $"<circle cx=\"{F(p.X)}\" cy=\"{F(p.Y)}\" r=\"3\" fill=\"{Color(s)}\"><title>{E(series[s].Name)} {E(labels[p.i])}: {E(format(p.v))}</title></circle>");
        }
        return svg.Append("</svg>").ToString();
    }

    private static double PlotWidth => Width - Left - Right;

    private static double PlotHeight => Height - Top - Bottom;

    private static void Check(IReadOnlyList<string> labels, IReadOnlyList<Series> series)
    {
        foreach (var s in series)
        {
            if (s.Values.Count != labels.Count)
                throw new ArgumentException($"Series '{s.Name}' has {s.Values.Count} values for {labels.Count} labels.", nameof(series));
        }
    }

    private static StringBuilder Open(string title, IReadOnlyList<string> labels, IReadOnlyList<Series> series, double max, string unit)
    {
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture,
            $"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {Width} {Height}\" role=\"img\" aria-label=\"{E(title)}\"><title>{E(title)}</title>");
        for (var k = 0; k <= 4; k++)
        {
            var y = Top + PlotHeight - k * PlotHeight / 4;
            svg.Append(CultureInfo.InvariantCulture,
                $"<line x1=\"{Left}\" x2=\"{Width - Right}\" y1=\"{F(y)}\" y2=\"{F(y)}\" stroke=\"#d7dee5\"/>" +
                $"<text x=\"{Left - 4}\" y=\"{F(y + 4)}\" font-size=\"10\" text-anchor=\"end\" fill=\"#5b6b7a\">{Tick(max * k / 4)}{E(unit)}</text>");
        }
        var slot = PlotWidth / Math.Max(1, labels.Count);
        var every = Math.Max(1, (int)Math.Ceiling(labels.Count / 12.0)); // at most ~12 labels fit under the axis
        for (var i = 0; i < labels.Count; i += every)
            svg.Append(CultureInfo.InvariantCulture,
                $"<text x=\"{F(Left + i * slot + slot / 2)}\" y=\"{Top + PlotHeight + 14}\" font-size=\"10\" text-anchor=\"middle\" fill=\"#5b6b7a\">{E(labels[i])}</text>");
        if (labels.Count == 0 || series.Count == 0)
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Width / 2}\" y=\"{Height / 2}\" text-anchor=\"middle\" fill=\"#5b6b7a\">No data</text>");
        return svg;
    }

    /// <summary>The axis top: the largest value rounded up to 1, 2, 4 or 8 times a power of ten (1 for no data), so its quarters read well.</summary>
    public static double NiceMax(double max)
    {
        if (!(max > 0))
            return 1;
        var power = Math.Pow(10, Math.Floor(Math.Log10(max)));
        foreach (var step in new[] { 1, 2, 4, 8, 10 })
        {
            if (step * power >= max)
                return step * power;
        }
        return 10 * power;
    }

    public static string Color(int index) => Palette[index % Palette.Length];

    private static string Tick(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    private static string F(double value) => Math.Round(value, 1).ToString("0.#", CultureInfo.InvariantCulture);

    private static string E(string text) => HtmlEncoder.Default.Encode(text);
}
