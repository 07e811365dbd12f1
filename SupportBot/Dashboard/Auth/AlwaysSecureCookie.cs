namespace SupportBot.Dashboard.Auth;

/// <summary>
/// A cookie marked <c>Secure</c> whatever the request's own scheme: behind a proxy that terminates TLS the request
/// reaching the app is plain http, though the browser only ever talks https to the public address.
/// </summary>
/// <remarks>
/// Not <see cref="CookieSecurePolicy.Always"/>: antiforgery refuses to work at all on a plain-http request with it.
/// </remarks>
public sealed class AlwaysSecureCookie : CookieBuilder
{
    public override CookieOptions Build(HttpContext context, DateTimeOffset expiresFrom)
    {
        var options = base.Build(context, expiresFrom);
        options.Secure = true;
        return options;
    }
}
