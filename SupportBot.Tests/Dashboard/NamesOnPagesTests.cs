using SupportBot.Tests.Infrastructure;

namespace SupportBot.Tests.Dashboard;

/// <summary>The dashboard and the CSV name people from the cache (never waiting on Slack), HTML-encoded or quoted once.</summary>
public sealed class NamesOnPagesTests() : AppTest(new() { ["Dashboard:PublicUrl"] = "http://dash.test" })
{
    private const string EngineerName = "Erin <&*> \"E\"";

    [Fact]
    public async Task The_ticket_page_team_page_and_csv_show_the_assignee_by_name_once_the_cache_knows_it()
    {
        Slack.Workspace.AddUser(TestSettings.Engineer, EngineerName);
        var number = await App.CreateTicketAsync(subject: "Named assignee");
        await CommandAsync("/take", N(number));
        var browser = await App.SignedInAsync();

        // the first page may show the id: the page only reads the cache and queues the lookup for after the answer
        await browser.PageAsync($"/tickets/{number}");
        await Slack.WaitForAsync("users.info", c => c.Args["user"]?.ToString() == TestSettings.Engineer);
        string page = "";
        Assert.True(await Eventually.TrueAsync(() =>
        {
            page = browser.PageAsync($"/tickets/{number}").GetAwaiter().GetResult().Body;
            return page.Contains("Erin &lt;&amp;*&gt; &quot;E&quot;", StringComparison.Ordinal);
        }), page);
        Assert.DoesNotContain("&amp;lt;", page, StringComparison.Ordinal);

        var team = (await browser.PageAsync("/team")).Body;
        Assert.Contains($"title=\"{TestSettings.Engineer}\">Erin &lt;&amp;*&gt; &quot;E&quot;</a></td>", team, StringComparison.Ordinal);

        var today = App.Time.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var csv = (await browser.PageAsync($"/reports.csv?from={today}&to={today}")).Body.Split("\r\n");
        Assert.Contains("assignee,assignee_name,", csv[0], StringComparison.Ordinal);
        Assert.Contains($",{TestSettings.Engineer},\"Erin <&*> \"\"E\"\"\",", csv[1], StringComparison.Ordinal);
    }
}
