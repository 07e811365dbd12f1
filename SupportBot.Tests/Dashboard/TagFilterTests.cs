using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using SupportBot.Tests.Infrastructure;

namespace SupportBot.Tests.Dashboard;

/// <summary>Tags on the dashboard: chips in the lists, a line on the ticket page, and <c>?tag=</c> kept in every list link.</summary>
public sealed class TagFilterTests() : AppTest(new() { ["Dashboard:PublicUrl"] = "http://dash.test" })
{
    private static IDocument Parse(string html) => new HtmlParser().ParseDocument(html);

    private static List<string> Rows(IDocument page) =>
        page.QuerySelectorAll("table.sortable tbody tr td:first-child a").Select(a => a.GetAttribute("href")!).ToList();

    [Fact]
    public async Task The_tag_filter_narrows_the_list_offers_the_tags_and_stays_in_the_sort_links()
    {
        var billing = await App.CreateTicketAsync("Invoice twice");
        var both = await App.CreateTicketAsync("Login then invoice");
        await App.CreateTicketAsync("Plain one");
        await CommandAsync("/status", $"{N(billing)} tag add billing");
        await CommandAsync("/status", $"{N(both)} tag add billing sso");
        var browser = await App.SignedInAsync();

        var page = Parse((await browser.PageAsync("/?tag=Billing&sort=ticket")).Body);

        Assert.Equal([$"/tickets/{N(billing)}", $"/tickets/{N(both)}"], Rows(page));
        Assert.Equal("billing", page.QuerySelector("select[name=tag] option[selected]")?.GetAttribute("value"));
        Assert.Equal(["", "billing", "sso"], page.QuerySelectorAll("select[name=tag] option").Select(o => o.GetAttribute("value")));
        Assert.All(page.QuerySelectorAll("th a"), a => Assert.Contains("tag=billing", a.GetAttribute("href"), StringComparison.Ordinal));
        Assert.Equal(["billing", "sso"], page.QuerySelectorAll("table.sortable tbody tr")[1].QuerySelectorAll(".tag").Select(s => s.TextContent));
        Assert.Equal([$"/tickets/{N(both)}"], Rows(Parse((await browser.PageAsync("/?tag=sso")).Body)));
    }

    [Fact]
    public async Task The_ticket_page_shows_its_tags_linked_to_the_list_of_them()
    {
        var number = await App.CreateTicketAsync("Tagged page");
        await CommandAsync("/status", $"{N(number)} tag add billing");

        var page = Parse((await (await App.SignedInAsync()).PageAsync($"/tickets/{N(number)}")).Body);

        var tag = Assert.Single(page.QuerySelectorAll("dl.fields a.tag"));
        Assert.Equal("billing", tag.TextContent);
        Assert.Equal("/team?tag=billing#open", tag.GetAttribute("href"));
    }

    [Fact]
    public async Task A_tag_longer_than_any_tag_is_a_400_page()
    {
        var (status, body) = await (await App.SignedInAsync()).PageAsync("/?tag=" + new string('x', 41));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("tag is longer than 40 characters", body, StringComparison.Ordinal);
    }
}
