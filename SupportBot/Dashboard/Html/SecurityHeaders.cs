namespace SupportBot.Dashboard.Html;

/// <summary>Headers on every dashboard answer: no script at all, no framing, no sniffing, no referrer (links carry tokens), no caching.</summary>
public static class SecurityHeaders
{
    public const string Policy =
        "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    public static void Apply(HttpResponse response)
    {
        var h = response.Headers;
        h.ContentSecurityPolicy = Policy;
        h.XFrameOptions = "DENY";
        h.XContentTypeOptions = "nosniff";
        h["Referrer-Policy"] = "no-referrer";
        h.CacheControl = "no-store";
    }
}
