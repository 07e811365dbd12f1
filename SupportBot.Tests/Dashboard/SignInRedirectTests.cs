using System.Net;
using SupportBot.Tests.Infrastructure;

namespace SupportBot.Tests.Dashboard;

/// <summary>
/// Where the sign-in link lands: a plain path of this site, else the home page; a query the endpoint cannot use is
/// a 400 that leaves the link as good as it was.
/// </summary>
public sealed class SignInRedirectTests(SignInRedirectTests.Dashboard shared) : IClassFixture<SignInRedirectTests.Dashboard>
{
    /// <summary>One app for the class: each test spends links of its own and reads only its own answers.</summary>
    public sealed class Dashboard() : SharedApp(new() { ["Dashboard:PublicUrl"] = "http://dash.test" });

    private SupportBotApp App => shared.App;

    [Theory]
    [InlineData("/\r\nSet-Cookie: planted=1")] // answered 500 after spending the link
    [InlineData("/%09/evil.example/phish")] // Chromium landed on evil.example
    [InlineData("/\t/evil.example/phish")]
    [InlineData("//evil.example")]
    [InlineData("/\\evil.example")]
    [InlineData("https://evil.example")]
    public async Task A_next_that_could_leave_the_site_signs_in_and_lands_home(string next)
    {
        var response = await App.Browser().GetAsync(new Uri(await App.SignInLinkAsync() + "&next=" + Uri.EscapeDataString(next), UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location?.OriginalString);
        var cookies = response.Headers.GetValues("Set-Cookie").ToList();
        Assert.Contains(cookies, c => c.StartsWith("supportbot_session=", StringComparison.Ordinal));
        Assert.DoesNotContain(cookies, c => c.Contains("planted", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_path_of_the_site_is_where_the_link_lands()
    {
        var next = "/reports?from=2026-01-01&to=2026-01-31";

        var response = await App.Browser().GetAsync(new Uri(await App.SignInLinkAsync() + "&next=" + Uri.EscapeDataString(next), UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(next, response.Headers.Location?.OriginalString);
    }

    [Theory]
    [InlineData("&next=/mine&next=/team", "2 values for next")]
    [InlineData("&token=another", "2 values for token")]
    public async Task A_query_it_cannot_use_is_a_400_and_the_link_still_works(string extra, string reason)
    {
        var link = await App.SignInLinkAsync();
        var browser = App.Browser();

        var refused = await browser.GetAsync(new Uri(link + extra, UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains(reason, await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(refused.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith("supportbot_session=", StringComparison.Ordinal)));
        var signedIn = await browser.GetAsync(new Uri(link, UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
    }

    [Theory]
    [InlineData("/signin", "no token")]
    [InlineData("/signin?token=", "no token")]
    [InlineData("/signin?token=%0d%0a", "damaged")]
    [InlineData("/signin?token=abc%3Cscript%3E", "damaged")]
    public async Task A_link_without_a_usable_token_is_a_400_with_the_reason(string path, string reason)
    {
        var (status, body) = await App.Browser().PageAsync(path);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains(reason, body, StringComparison.Ordinal);
    }
}
