using System.Net;
using System.Text.RegularExpressions;
using SupportBot.Tests.Infrastructure;

namespace SupportBot.Tests.Dashboard;

/// <summary>Who gets into the dashboard: team members with a fresh one-time link, for 12 hours; nobody else.</summary>
public sealed partial class SignInTests() : AppTest(new() { ["Dashboard:PublicUrl"] = "http://dash.test" })
{
    [Fact]
    public async Task Without_a_session_pages_ask_for_sign_in_and_show_no_tickets()
    {
        var number = await App.CreateTicketAsync(subject: "Secret subject");

        foreach (var path in new[] { "/", "/mine", "/team", "/customers", "/reports", $"/tickets/{number}", "/reports.csv" })
        {
            var (status, body) = await App.Browser().PageAsync(path);
            Assert.Equal(HttpStatusCode.Unauthorized, status);
            Assert.DoesNotContain("Secret subject", body, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_link_signs_in_once_with_a_safe_cookie()
    {
        await App.CreateTicketAsync(subject: "Visible after sign-in");
        var link = await App.SignInLinkAsync();
        Assert.StartsWith("/signin?token=", link, StringComparison.Ordinal);

        var browser = App.Browser();
        var first = await browser.GetAsync(new Uri(link, UriKind.Relative));
        var cookie = first.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("supportbot_session=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("max-age=43200", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("secure", cookie, StringComparison.OrdinalIgnoreCase); // plain http here
        Assert.Contains("Visible after sign-in", (await browser.PageAsync("/")).Body, StringComparison.Ordinal);

        var again = await App.Browser().GetAsync(new Uri(link, UriKind.Relative));
        Assert.Equal(HttpStatusCode.Gone, again.StatusCode);
        Assert.False(again.Headers.Contains("Set-Cookie"));
    }

    [Fact]
    public async Task A_link_expires_after_ten_minutes()
    {
        var link = await App.SignInLinkAsync();
        App.Time.Advance(TimeSpan.FromMinutes(10));

        var response = await App.Browser().GetAsync(new Uri(link, UriKind.Relative));

        Assert.Equal(HttpStatusCode.Gone, response.StatusCode);
    }

    [Fact]
    public async Task A_session_ends_after_twelve_hours()
    {
        var browser = await App.SignedInAsync();
        App.Time.Advance(TimeSpan.FromHours(12));

        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.PageAsync("/")).Status);
    }

    [Fact]
    public async Task Customers_get_no_link()
    {
        var answer = await CommandAsync("/status", "dashboard", TestSettings.Customer, TestSettings.CustomerChannel);

        Assert.DoesNotMatch(Url(), answer.Text);
        Assert.Contains("Only the support team", answer.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_a_hash_of_the_token_is_stored()
    {
        var link = await App.SignInLinkAsync();
        var token = link[(link.IndexOf('=', StringComparison.Ordinal) + 1)..];
        App.Dispose();

        var bytes = await File.ReadAllBytesAsync(App.DbPath);
        Assert.DoesNotContain(token, System.Text.Encoding.UTF8.GetString(bytes), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pages_send_security_headers()
    {
        var browser = await App.SignedInAsync();

        var response = await browser.GetAsync(new Uri("/", UriKind.Relative));

        var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("default-src 'none'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", await response.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
    }

    [Fact]
    public async Task Sign_out_needs_the_forms_antiforgery_token()
    {
        var browser = await App.SignedInAsync();
        var page = (await browser.PageAsync("/")).Body;

        var forged = await browser.PostAsync(new Uri("/signout", UriKind.Relative), new FormUrlEncodedContent([]));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.PageAsync("/")).Status);

        var real = await browser.PostAsync(new Uri("/signout", UriKind.Relative), DashboardSession.AntiforgeryForm(page));
        Assert.Equal(HttpStatusCode.Redirect, real.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.PageAsync("/")).Status);
    }

    [GeneratedRegex(@"https?://\S+token")]
    private static partial Regex Url();
}

/// <summary>Behind HTTPS (a proxy in front of an https PublicUrl), the session cookie is Secure.</summary>
public sealed class SecureCookieTests() : AppTest(new() { ["Dashboard:PublicUrl"] = "https://support.example.com" })
{
    [Fact]
    public async Task The_cookie_is_secure_behind_https()
    {
        var response = await App.Browser().GetAsync(new Uri(await App.SignInLinkAsync(), UriKind.Relative));

        Assert.Contains(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("supportbot_session=", StringComparison.Ordinal)
            && c.Contains("secure", StringComparison.OrdinalIgnoreCase));
    }
}
