using SupportBot.Tickets;

namespace SupportBot.Dashboard.Auth;

/// <summary>Who is asking for a dashboard page: a signed-in member of the support team, or nobody.</summary>
public sealed class DashboardUser(SignIns signIns, SupportTeam team)
{
    public const string Cookie = "supportbot_session";

    /// <summary>The signed-in engineer; null for no session, an expired one, or someone no longer on the team.</summary>
    public string? Of(HttpContext context)
    {
        var user = signIns.UserOf(context.Request.Cookies[Cookie]);
        return team.IsMember(user) ? user : null;
    }

    /// <param name="secure">Behind HTTPS (the request's scheme, or a proxy in front of a https PublicUrl).</param>
    public static void SetCookie(HttpContext context, string session, TimeSpan lifetime, bool secure) =>
        context.Response.Cookies.Append(Cookie, session, new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Lax,
            Secure = secure,
            MaxAge = lifetime,
            Path = "/",
            IsEssential = true,
        });
}
