using System.Security.Cryptography;
using System.Text;

namespace SupportBot.Intake;

/// <summary>
/// HubSpot's v3 request signature: base64 HMAC-SHA256, keyed by the app secret, of method + full URI + body +
/// the <c>X-HubSpot-Request-Timestamp</c> (milliseconds).
/// </summary>
public static class HubSpotSignature
{
    public const string Header = "X-HubSpot-Signature-v3";
    public const string TimestampHeader = "X-HubSpot-Request-Timestamp";

    public static bool Verifies(string secret, string method, string uri, byte[] body, string timestamp, string signature)
    {
        var signed = Encoding.UTF8.GetBytes(method + uri).Concat(body).Concat(Encoding.UTF8.GetBytes(timestamp)).ToArray();
        var expected = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), signed);
        var given = new byte[64];
        return Convert.TryFromBase64String(signature, given, out var n) && CryptographicOperations.FixedTimeEquals(given.AsSpan(0, n), expected);
    }

    /// <summary>The URI HubSpot signed: Intake:PublicUrl + path when set (behind a proxy), else the request's own.</summary>
    public static string Uri(HttpRequest request, string? publicUrl) =>
        string.IsNullOrWhiteSpace(publicUrl)
            ? $"{request.Scheme}://{request.Host}{request.PathBase}{request.Path}{request.QueryString}"
            : publicUrl.TrimEnd('/') + request.PathBase + request.Path + request.QueryString;
}
