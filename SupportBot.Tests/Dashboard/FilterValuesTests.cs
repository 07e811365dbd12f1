using AngleSharp.Html.Parser;
using SupportBot.Tests.Infrastructure;

namespace SupportBot.Tests.Dashboard;

/// <summary>
/// What a filter form sends back is the value itself: text shown on a page is wrapped in invisible direction isolates
/// when it holds right-to-left characters, which inside a form value would be submitted and match nothing.
/// </summary>
public sealed class FilterValuesTests() : AppTest(new()
{
    ["Dashboard:PublicUrl"] = "http://dash.test",
    ["Customers:1:Name"] = Rtl, ["Customers:1:Channels:0"] = "C_RTL",
})
{
    private const string Rtl = "Evil\u202E Corp";

    [Fact]
    public async Task A_right_to_left_customer_is_offered_and_filtered_by_its_exact_name()
    {
        var number = await App.CreateTicketAsync(subject: "Reversed", channel: "C_RTL");
        await App.CreateTicketAsync(subject: "Plain");
        var browser = await App.SignedInAsync();

        var page = new HtmlParser().ParseDocument((await browser.PageAsync("/")).Body);
        var offered = page.QuerySelectorAll("select[name=customer] option").Select(o => o.GetAttribute("value")).ToList();
        var filtered = new HtmlParser().ParseDocument((await browser.PageAsync("/?customer=" + Uri.EscapeDataString(Rtl))).Body);

        Assert.Contains(Rtl, offered);
        Assert.Equal([$"/tickets/{N(number)}"], filtered.QuerySelectorAll("table.sortable tbody tr td:first-child a").Select(a => a.GetAttribute("href")));
        Assert.Equal(Rtl, filtered.QuerySelector("select[name=customer] option[selected]")?.GetAttribute("value"));
    }
}
