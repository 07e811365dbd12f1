using SupportBot.Tests.Infrastructure;
using SupportBot.Tickets;
using SupportBot.Tickets.Intake;

namespace SupportBot.Tests.Dashboard.Browser;

/// <summary>
/// What only a real browser shows: where a sign-in link really lands (Chromium strips a tab from a URL, so
/// <c>/%09/evil.example</c> would become <c>//evil.example</c>), and a form on the ticket page posted as a person posts it.
/// </summary>
[Collection(DashboardInChromium.Name)]
public sealed class BrowserJourneyTests(SeededDashboard dashboard)
{
    [Theory]
    [InlineData("/%09/evil.example/phish")]
    [InlineData("//evil.example/phish")]
    [InlineData("/%5Cevil.example/phish")]
    [InlineData("https://evil.example/phish")]
    [InlineData("/%0d%0aLocation:%20https://evil.example")]
    public async Task A_sign_in_link_never_lands_on_another_site(string next)
    {
        await using var tab = await dashboard.Browser.OpenPageAsync();

        await tab.GoToAsync(new Uri(dashboard.Base, await dashboard.App.SignInLinkAsync() + "&next=" + next));

        var landed = new Uri(await tab.EvaluateAsync<string>("location.href"));
        Assert.Equal((dashboard.Base.Authority, "/"), (landed.Authority, landed.AbsolutePath));
    }

    [Fact]
    public async Task A_sign_in_link_lands_on_the_page_it_was_made_for()
    {
        await using var tab = await dashboard.Browser.OpenPageAsync();

        await tab.GoToAsync(new Uri(dashboard.Base, await dashboard.App.SignInLinkAsync() + "&next=/team%3Fpriority%3DHigh"));

        Assert.Equal("/team?priority=High", new Uri(await tab.EvaluateAsync<string>("location.href")).PathAndQuery);
    }

    [Fact]
    public async Task An_internal_note_typed_on_the_ticket_page_is_added_and_said_on_the_page()
    {
        var number = dashboard.App.Get<TicketIntake>().Create(TestSettings.Draft("Note from the browser")).Number;
        await using var tab = await dashboard.Browser.OpenPageAsync();
        await tab.GoToAsync(new Uri(dashboard.Base, $"/tickets/{number}"));

        await tab.LeaveByAsync("""
            (() => {
              const form = document.querySelector('form[action$="/note"]');
              form.querySelector('textarea').value = 'Checked the proxy logs: nothing.';
              form.requestSubmit();
            })()
            """);

        var page = await tab.EvaluateAsync<string>("document.body.innerText");
        Assert.Equal($"/tickets/{number}", new Uri(await tab.EvaluateAsync<string>("location.href")).AbsolutePath);
        Assert.Contains("Checked the proxy logs: nothing.", page, StringComparison.Ordinal);
        var note = Assert.Single(dashboard.App.Get<TicketStore>().Find(number)!.Notes);
        Assert.Equal(("Checked the proxy logs: nothing.", TestSettings.Engineer), (note.Text, note.AuthorId));
    }
}
