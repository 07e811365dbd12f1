namespace SupportBot.Tests.Dashboard.Browser;

/// <summary>
/// The dashboard in a real browser: the seeded app on Kestrel on a loopback port, headless Chromium signed in once
/// (see <see cref="SeededDashboard"/>), each page's data as a person reads it.
/// </summary>
[Collection(DashboardInChromium.Name)]
public sealed class BrowserTests(SeededDashboard dashboard)
{
    [Theory]
    [InlineData("queue", new[] { "Queue", "Printer is on fire", "Acme Corp" })]
    [InlineData("mine", new[] { "Mine", "Backups fail nightly" })]
    [InlineData("team", new[] { "Team", "Backups fail nightly" })]
    [InlineData("customers", new[] { "Customers", "Enterprise", "Printer is on fire", "Exports are slow" })]
    [InlineData("ticket", new[] { "Exports are slow", "Internal notes", "History", "Solved" })]
    [InlineData("reports", new[] { "Reports", "Tickets created per week, by source", "Export tickets as CSV" })]
    [InlineData("undelivered", new[] { "Undelivered (1)", "Printer is on fire", "Retry all" })]
    public async Task Every_page_shows_its_data_to_a_signed_in_engineer(string page, string[] shows)
    {
        await using var tab = await dashboard.Browser.OpenPageAsync();
        await tab.GoToAsync(new Uri(dashboard.Base, dashboard.Paths[page]));

        var text = await tab.EvaluateAsync<string>("document.body.innerText");

        foreach (var shown in shows.Append("Sign out"))
            Assert.True(text.Contains(shown, StringComparison.Ordinal), $"{page} should show '{shown}':\n{text[..Math.Min(text.Length, 3000)]}");
    }

    [Fact]
    public async Task Sign_in_is_enforced_in_the_browser_and_a_link_works_once()
    {
        var link = new Uri(dashboard.Base, await dashboard.App.SignInLinkAsync());
        await using var tab = await dashboard.Browser.OpenPageAsync(signedOut: true);

        var anonymous = await TextAtAsync(tab, new Uri(dashboard.Base, dashboard.Paths["ticket"]));
        var first = await TextAtAsync(tab, link);
        await using var other = await dashboard.Browser.OpenPageAsync(signedOut: true);
        var second = await TextAtAsync(other, link);

        Assert.Contains("/status dashboard", anonymous, StringComparison.Ordinal);
        Assert.DoesNotContain("Exports are slow", anonymous, StringComparison.Ordinal);
        Assert.Contains("Printer is on fire", first, StringComparison.Ordinal);
        Assert.Contains("used or has expired", second, StringComparison.Ordinal);
        Assert.DoesNotContain("Printer is on fire", second, StringComparison.Ordinal);
    }

    private static async Task<string> TextAtAsync(BrowserPage tab, Uri url)
    {
        await tab.GoToAsync(url);
        return await tab.EvaluateAsync<string>("document.body.innerText");
    }
}
