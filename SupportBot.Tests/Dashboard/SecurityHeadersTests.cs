using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using SupportBot.Dashboard.Html;
using SupportBot.Tests.Infrastructure;

namespace SupportBot.Tests.Dashboard;

/// <summary>
/// Every answer of the app carries the security headers, once: pages, the sign-in link, errors, unknown routes,
/// a wrong method, /health and Slack's endpoints; behind an https public address also HSTS and Secure cookies.
/// One app for all: each test only sends requests (a browser of its own, no cookies shared) and reads the answers.
/// </summary>
public sealed class SecurityHeadersTests(SecurityHeadersTests.HttpsApp shared) : IClassFixture<SecurityHeadersTests.HttpsApp>
{
    private const string BoomPath = "/test/boom";

    private readonly SupportBotApp _app = shared.App;

    public sealed class HttpsApp() : SharedApp(new() { ["Dashboard:PublicUrl"] = "https://support.example.com" },
        s => s.AddSingleton<IStartupFilter, Boom>());

    [Theory]
    [InlineData("GET", "/no-such-page", HttpStatusCode.NotFound)]
    [InlineData("GET", "/slack/action", HttpStatusCode.MethodNotAllowed)]
    [InlineData("GET", "/health", HttpStatusCode.OK)]
    [InlineData("GET", "/health/ready", HttpStatusCode.OK)]
    [InlineData("GET", "/", HttpStatusCode.Unauthorized)]
    [InlineData("GET", "/signin", HttpStatusCode.BadRequest)]
    [InlineData("GET", "/signin?token=spent", HttpStatusCode.Gone)]
    [InlineData("POST", "/slack/event", HttpStatusCode.Unauthorized)]
    [InlineData("GET", "/metrics", HttpStatusCode.NotFound)]
    [InlineData("GET", BoomPath, HttpStatusCode.InternalServerError)] // through the app's error handler
    public async Task Every_answer_carries_the_headers_once(string method, string path, HttpStatusCode status)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (method == "POST")
            request.Content = new StringContent("{}");

        var response = await _app.Browser().SendAsync(request);

        Assert.Equal(status, response.StatusCode);
        Assert.Equal(SecurityHeaders.Policy, response.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.Equal("max-age=31536000", response.Headers.GetValues("Strict-Transport-Security").Single());
        Assert.NotNull(response.Headers.CacheControl);
    }

    [Fact]
    public async Task The_stylesheet_keeps_its_cache_and_pages_are_not_stored()
    {
        var css = await _app.Browser().GetAsync(new Uri(DashboardCss.Path, UriKind.Relative));
        var page = await _app.Browser().GetAsync(new Uri("/", UriKind.Relative));

        Assert.Equal("public, max-age=3600", css.Headers.CacheControl?.ToString());
        Assert.True(page.Headers.CacheControl?.NoStore);
    }

    [Fact]
    public async Task The_antiforgery_cookie_is_secure_behind_https()
    {
        // the request reaches the app as plain http, as from a proxy that terminates TLS; a browser would send the
        // Secure session cookie over https only, so it is sent by hand here
        var signIn = await _app.Browser().GetAsync(new Uri(await _app.SignInLinkAsync(), UriKind.Relative));
        var session = signIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("supportbot_session=", StringComparison.Ordinal)).Split(';')[0];
        using var request = new HttpRequestMessage(HttpMethod.Get, "/") { Headers = { { "Cookie", session } } };

        var page = await _app.CreateClient(new() { HandleCookies = false, AllowAutoRedirect = false }).SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var cookie = page.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("supportbot_antiforgery=", StringComparison.Ordinal));
        Assert.Contains("; secure", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>A route that fails as no real one does on purpose, behind the app's own pipeline and its error handler.</summary>
    private sealed class Boom : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            next(app);
            app.Use((HttpContext context, RequestDelegate rest) =>
                context.Request.Path == BoomPath ? throw new InvalidOperationException("boom") : rest(context));
        };
    }
}

/// <summary>On a plain-http public address there is no HSTS and the antiforgery cookie follows the request.</summary>
public sealed class PlainHttpHeadersTests() : AppTest(new() { ["Dashboard:PublicUrl"] = "http://dash.test" })
{
    [Fact]
    public async Task No_HSTS_on_http()
    {
        var browser = await App.SignedInAsync();

        var page = await browser.GetAsync(new Uri("/", UriKind.Relative));

        Assert.Equal(SecurityHeaders.Policy, page.Headers.GetValues("Content-Security-Policy").Single());
        Assert.False(page.Headers.Contains("Strict-Transport-Security"));
        var cookie = page.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("supportbot_antiforgery=", StringComparison.Ordinal));
        Assert.DoesNotContain("secure", cookie, StringComparison.OrdinalIgnoreCase);
    }
}
