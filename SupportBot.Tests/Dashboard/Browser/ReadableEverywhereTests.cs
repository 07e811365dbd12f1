namespace SupportBot.Tests.Dashboard.Browser;

/// <summary>
/// Every dashboard page on a laptop (1280 px) and a phone (390 px), in one headless Chromium: never wider than the
/// window, and axe-core finds no violation. A screenshot of each lands in <see cref="ShotsFolder"/> for people to look at.
/// </summary>
[Collection(DashboardInChromium.Name)]
public sealed class ReadableEverywhereTests(SeededDashboard dashboard)
{
    public const int Laptop = 1280, Phone = 390;

    private static readonly string[] PageNames = ["queue", "mine", "team", "customers", "reports", "ticket", "undelivered", "csat"];

    /// <summary><c>SUPPORTBOT_SCREENSHOTS</c>, or a folder in the temp dir.</summary>
    public static string ShotsFolder => Environment.GetEnvironmentVariable("SUPPORTBOT_SCREENSHOTS") is { Length: > 0 } set ? set
        : Path.Combine(Path.GetTempPath(), "supportbot-screenshots");

    public static TheoryData<string, int> Pages()
    {
        var data = new TheoryData<string, int>();
        foreach (var page in PageNames)
        {
            data.Add(page, Laptop);
            data.Add(page, Phone);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task A_page_fits_the_window_and_axe_finds_nothing(string page, int width)
    {
        await using var tab = await OpenAsync(page, width);

        var scrollWidth = await tab.EvaluateAsync<int>("document.documentElement.scrollWidth");
        Directory.CreateDirectory(ShotsFolder);
        await tab.ScreenshotAsync(Path.Combine(ShotsFolder, $"{page}-{width}.png"));
        var violations = await AxeCore.ViolationsAsync(tab);

        var wide = scrollWidth <= width ? "" : $"{page} is {scrollWidth} px wide in a {width} px window\n";
        Assert.True(wide.Length == 0 && violations.Length == 0, $"{wide}axe-core on {page} at {width} px:\n{violations}");
    }

    [Theory]
    [InlineData(Laptop)]
    [InlineData(Phone)]
    public async Task A_right_to_left_override_in_a_customer_name_stays_inside_the_name(int width)
    {
        await using var tab = await OpenAsync("ticket", width);

        // where the words after the name are drawn: after "Corp", not mirrored before it
        var order = await tab.EvaluateAsync<double[]>($$"""
            (() => {
              const dd = [...document.querySelectorAll('dt')].find(d => d.textContent === 'Customer').nextElementSibling;
              const left = word => {
                const walker = document.createTreeWalker(dd, NodeFilter.SHOW_TEXT);
                for (let n = walker.nextNode(); n; n = walker.nextNode()) {
                  const at = n.textContent.indexOf(word);
                  if (at < 0) continue;
                  const range = document.createRange();
                  range.setStart(n, at); range.setEnd(n, at + word.length);
                  return range.getBoundingClientRect().left;
                }
                return NaN;
              };
              const corp = left('Corp');
              return [corp, left('{{SeededDashboard.RtlTier}}')];
            })()
            """);

        Assert.True(order[1] > order[0], $"'({SeededDashboard.RtlTier})' is drawn at x={order[1]}, before the name's 'Corp' at x={order[0]}");
    }

    private async Task<BrowserPage> OpenAsync(string page, int width)
    {
        var tab = await dashboard.Browser.OpenPageAsync();
        await tab.ResizeAsync(width, width == Phone ? 844 : 900);
        await tab.GoToAsync(new Uri(dashboard.Base, dashboard.Paths[page]));
        return tab;
    }
}
