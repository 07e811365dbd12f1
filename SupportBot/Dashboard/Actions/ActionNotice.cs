using SupportBot.Slack;

namespace SupportBot.Dashboard.Actions;

/// <summary>
/// The answer to a ticket page form, carried across its redirect in a one-shot cookie scoped to that ticket's page:
/// a link cannot plant words on the page the way a query string could, and a reload does not show it again.
/// </summary>
public static class ActionNotice
{
    public const string Cookie = "supportbot_notice";

    /// <summary>A cookie's value stays well under browsers' 4 KB; a longer answer is cut at a character boundary.</summary>
    private const int MaxEncoded = 3000;

    public static void Set(HttpContext context, int number, string text, bool secure)
    {
        var value = Uri.EscapeDataString(text);
        for (var keep = text.Length; value.Length > MaxEncoded; value = Uri.EscapeDataString(SlackText.Cut(text, keep) + "…"))
            keep = keep * 3 / 4;
        context.Response.Cookies.Append(Cookie, value, Options(number, secure));
    }

    /// <summary>The answer waiting for this ticket's page, if any; it is shown once.</summary>
    public static string? Take(HttpContext context, int number, bool secure)
    {
        if (context.Request.Cookies[Cookie] is not { Length: > 0 } value)
            return null;
        context.Response.Cookies.Delete(Cookie, Options(number, secure));
        return Uri.UnescapeDataString(value);
    }

    private static CookieOptions Options(int number, bool secure) => new()
    {
        HttpOnly = true,
        SameSite = SameSiteMode.Strict,
        Secure = secure,
        MaxAge = TimeSpan.FromMinutes(1),
        Path = $"/tickets/{Html.Html.N(number)}",
        IsEssential = true,
    };
}
