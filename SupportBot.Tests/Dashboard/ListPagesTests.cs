using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using SupportBot.Tests.Infrastructure;

namespace SupportBot.Tests.Dashboard;

/// <summary>Queue, Mine and Team as a lead works from them: filters, sorting, the at-risk column, names and links.</summary>
public sealed class ListPagesTests() : AppTest(new() { ["Dashboard:PublicUrl"] = "http://dash.test" })
{
    private static IDocument Parse(string html) => new HtmlParser().ParseDocument(html);

    /// <summary>The ticket numbers of the list's rows, top to bottom.</summary>
    private static List<int> Numbers(IDocument page) => page.QuerySelectorAll("table.sortable tbody tr td:first-child a")
        .Select(a => int.Parse(a.GetAttribute("href")!["/tickets/".Length..], System.Globalization.CultureInfo.InvariantCulture)).ToList();

    [Fact]
    public async Task Filters_narrow_the_queue_and_keep_their_choice_in_the_form()
    {
        var urgent = await App.CreateTicketAsync(subject: "Urgent one", priority: "Urgent");
        await App.CreateTicketAsync(subject: "Low one", priority: "Low");
        var browser = await App.SignedInAsync();

        var page = Parse((await browser.PageAsync("/?priority=Urgent&customer=acme%20corp")).Body);

        Assert.Equal([urgent], Numbers(page));
        Assert.Equal("Urgent", page.QuerySelector("select[name=priority] option[selected]")?.GetAttribute("value"));
        Assert.Equal("Acme Corp", page.QuerySelector("select[name=customer] option[selected]")?.GetAttribute("value"));
        Assert.Empty(Numbers(Parse((await browser.PageAsync("/?source=Email")).Body)));
    }

    [Fact]
    public async Task A_column_sorts_both_ways_marks_itself_and_its_links_keep_the_filters()
    {
        var first = await App.CreateTicketAsync(subject: "First", priority: "Low");
        var second = await App.CreateTicketAsync(subject: "Second", priority: "Urgent");
        var third = await App.CreateTicketAsync(subject: "Third", priority: "Normal");
        var browser = await App.SignedInAsync();

        var ascending = Parse((await browser.PageAsync("/?sort=ticket&status=New")).Body);
        var header = ascending.QuerySelectorAll("th").Single(th => th.TextContent.StartsWith("Ticket", StringComparison.Ordinal));
        var descending = Parse((await browser.PageAsync(header.QuerySelector("a")!.GetAttribute("href")!)).Body);

        Assert.Equal([first, second, third], Numbers(ascending));
        Assert.Equal("ascending", header.GetAttribute("aria-sort"));
        Assert.Equal("/?status=New&sort=ticket&dir=desc", header.QuerySelector("a")!.GetAttribute("href"));
        Assert.Equal([third, second, first], Numbers(descending));
        Assert.Equal("descending", descending.QuerySelector("th[aria-sort]")!.GetAttribute("aria-sort"));
        Assert.Equal([second, third, first], Numbers(Parse((await browser.PageAsync("/?sort=priority")).Body)));
    }

    [Theory]
    [InlineData("/?priority=Critical")]
    [InlineData("/mine?sort=%00")]
    [InlineData("/team?assignee=%3Cscript%3E")]
    [InlineData("/team?dir=sideways&dir=up")]
    public async Task A_bad_parameter_is_a_400_page_saying_what_is_wrong(string path)
    {
        var (status, body) = await (await App.SignedInAsync()).PageAsync(path);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("This list cannot show that", body, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_ticket_inside_the_at_risk_window_says_so_and_one_past_due_says_breached()
    {
        var low = await App.CreateTicketAsync(subject: "Eight hours", priority: "Low");
        var normal = await App.CreateTicketAsync(subject: "Two hours", priority: "Normal");
        var sla = Ticket(normal).Sla;
        Assert.True(sla.AtRiskAt < Ticket(normal).FirstResponseDueAt);

        App.Time.SetUtcNow(new DateTimeOffset(sla.AtRiskAt!.Value, TimeSpan.Zero));
        var atRisk = Parse((await (await App.SignedInAsync()).PageAsync("/?sort=ticket")).Body);
        App.Time.SetUtcNow(new DateTimeOffset(Ticket(normal).FirstResponseDueAt!.Value.AddMinutes(1), TimeSpan.Zero));
        var breached = Parse((await (await App.SignedInAsync()).PageAsync("/?sort=ticket")).Body);

        Assert.Equal(["–", "at risk"], RiskCells(atRisk));
        Assert.Equal(["–", "breached"], RiskCells(breached));
        Assert.Equal([normal, low], Numbers(Parse((await (await App.SignedInAsync()).PageAsync("/?sort=risk")).Body)));
    }

    private static List<string> RiskCells(IDocument page)
    {
        var column = page.QuerySelectorAll("th").Select(th => th.TextContent).ToList().FindIndex(t => t.StartsWith("At risk", StringComparison.Ordinal));
        return page.QuerySelectorAll("table.sortable tbody tr").Select(tr => tr.Children[column].TextContent).ToList();
    }

    [Fact]
    public async Task Team_names_each_engineer_with_the_id_as_tooltip_and_links_to_their_list()
    {
        Slack.Workspace.AddUser(TestSettings.Engineer, "Erin");
        Slack.Workspace.AddUser(TestSettings.Engineer2, "Sam");
        var erins = await App.CreateTicketAsync(subject: "Erin's");
        var sams = await App.CreateTicketAsync(subject: "Sam's");
        await CommandAsync("/take", N(erins));
        await CommandAsync("/take", N(sams), TestSettings.Engineer2);
        var browser = await App.SignedInAsync();
        await browser.PageAsync("/team"); // the first view queues the names it lacks
        await Slack.WaitForAsync("users.info", c => c.Args["user"]?.ToString() == TestSettings.Engineer2);

        IDocument team = Parse("");
        Assert.True(await Eventually.TrueAsync(() =>
        {
            team = Parse(browser.PageAsync("/team").GetAwaiter().GetResult().Body);
            return team.QuerySelectorAll("a").Any(a => a.TextContent == "Sam");
        }));
        var erin = team.QuerySelectorAll("table:not(.sortable) td a").Single(a => a.TextContent == "Erin");
        var erinsList = Parse((await browser.PageAsync(erin.GetAttribute("href")!)).Body);

        Assert.Equal(TestSettings.Engineer, erin.GetAttribute("title"));
        Assert.Equal($"/team?assignee={TestSettings.Engineer}#open", erin.GetAttribute("href"));
        Assert.Equal([erins], Numbers(erinsList));
        Assert.DoesNotContain(team.QuerySelectorAll("td, header span"), e => e.TextContent.Contains("U_ENG", StringComparison.Ordinal));
        Assert.Equal(["Erin", "Sam"], team.QuerySelectorAll("table.sortable tbody td:last-child").Select(td => td.TextContent).Order().ToList());
    }

    [Fact]
    public async Task Customers_name_the_ce_and_link_each_assignee_to_their_list()
    {
        Slack.Workspace.AddUser(TestSettings.Ce, "Cleo");
        Slack.Workspace.AddUser(TestSettings.Engineer, "Erin");
        await CommandAsync("/take", N(await App.CreateTicketAsync(subject: "Held")));
        var browser = await App.SignedInAsync();
        await browser.PageAsync("/customers");
        await Slack.WaitForAsync("users.info", c => c.Args["user"]?.ToString() == TestSettings.Ce);

        IDocument page = Parse("");
        Assert.True(await Eventually.TrueAsync(() =>
        {
            page = Parse(browser.PageAsync("/customers").GetAwaiter().GetResult().Body);
            return page.QuerySelectorAll("td span, td a").Count(e => e.TextContent is "Cleo" or "Erin") == 2;
        }));
        Assert.Equal(TestSettings.Ce, page.QuerySelectorAll("td span").Single(e => e.TextContent == "Cleo").GetAttribute("title"));
        Assert.Equal($"/team?assignee={TestSettings.Engineer}#open",
            page.QuerySelectorAll("td a").Single(e => e.TextContent == "Erin").GetAttribute("href"));
        Assert.DoesNotContain(page.QuerySelectorAll("td"), e => e.TextContent.StartsWith("U_", StringComparison.Ordinal));
    }
}
