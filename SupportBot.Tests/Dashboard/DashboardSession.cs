using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using SupportBot.Tests.Infrastructure;

namespace SupportBot.Tests.Dashboard;

/// <summary>Signs in to the dashboard the way a person does: <c>/status dashboard</c>, then the link it answers with.</summary>
public static partial class DashboardSession
{
    public static HttpClient Browser(this SupportBotApp app) =>
        app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>The path and query of the sign-in link <c>/status dashboard</c> gives <paramref name="user"/>.</summary>
    public static async Task<string> SignInLinkAsync(this SupportBotApp app, string user = TestSettings.Engineer)
    {
        var answer = await app.Requests.CommandAsync("/status", "dashboard", user);
        var link = Link().Match(answer.Text);
        Assert.True(link.Success, $"no sign-in link in: {answer.Text}");
        return new Uri(link.Value).PathAndQuery;
    }

    /// <summary>A client holding a signed-in session.</summary>
    public static async Task<HttpClient> SignedInAsync(this SupportBotApp app, string user = TestSettings.Engineer)
    {
        var browser = app.Browser();
        var response = await browser.GetAsync(new Uri(await app.SignInLinkAsync(user), UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return browser;
    }

    public static async Task<(HttpStatusCode Status, string Body)> PageAsync(this HttpClient browser, string path)
    {
        var response = await browser.GetAsync(new Uri(path, UriKind.Relative));
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>The page's hidden antiforgery field, sent as a browser sends it with any of the page's forms.</summary>
    /// <param name="fields">The form's other fields, as the person filled them in.</param>
    public static FormUrlEncodedContent AntiforgeryForm(string page, params KeyValuePair<string, string>[] fields)
    {
        var field = Hidden().Match(page);
        Assert.True(field.Success, "the page has an antiforgery field");
        return new FormUrlEncodedContent([new(field.Groups[1].Value, WebUtility.HtmlDecode(field.Groups[2].Value)), .. fields]);
    }

    [GeneratedRegex(@"https?://[^\s|>]+")]
    private static partial Regex Link();

    [GeneratedRegex("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]+)\">")]
    private static partial Regex Hidden();
}
