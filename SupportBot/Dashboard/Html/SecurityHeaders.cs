namespace SupportBot.Dashboard.Html;

/// <summary>
/// Headers on every answer of the app (pages, errors, unknown routes, <c>/health</c>, Slack's endpoints): no script
/// at all, no framing, no sniffing, no referrer (links carry tokens), no caching unless the answer says otherwise,
/// and HSTS when the public address is https.
/// </summary>
public static class SecurityHeaders
{
    public const string Policy =
        "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    /// <summary>A year: the browser keeps to https for the site once it has seen it there.</summary>
    public const string StrictTransport = "max-age=31536000";

    /// <summary>Sets the headers, set once for every response by <see cref="DashboardExtensions.UseSecurityHeaders"/>.</summary>
    public static void Apply(HttpResponse response, bool https)
    {
        var h = response.Headers;
        h.ContentSecurityPolicy = Policy;
        h.XFrameOptions = "DENY";
        h.XContentTypeOptions = "nosniff";
        h["Referrer-Policy"] = "no-referrer";
        // the stylesheet is cached on purpose; every other answer may hold a ticket or a token
        if (string.IsNullOrEmpty(h.CacheControl))
            h.CacheControl = "no-store";
        if (https)
            h.StrictTransportSecurity = StrictTransport;
    }
}
