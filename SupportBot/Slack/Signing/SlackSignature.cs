using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace SupportBot.Slack.Signing;

/// <summary>
/// Slack's v0 request signing: HMAC-SHA256 over <c>v0:{timestamp}:{raw body}</c> with the signing secret,
/// hex-encoded behind <c>v0=</c>. See Slack's "Verifying requests from Slack".
/// </summary>
public static class SlackSignature
{
    public static string Compute(string signingSecret, string timestamp, ReadOnlySpan<byte> body)
    {
        var prefix = Encoding.UTF8.GetBytes($"v0:{timestamp}:");
        var message = new byte[prefix.Length + body.Length];
        prefix.CopyTo(message, 0);
        body.CopyTo(message.AsSpan(prefix.Length));
        var hash = HMACSHA256.HashData(Encoding.UTF8.GetBytes(signingSecret), message);
        return "v0=" + Convert.ToHexStringLower(hash);
    }

    /// <summary>True when the signature matches and the timestamp is within <paramref name="maxSkew"/> of now, either way.</summary>
    public static bool IsValid(string signingSecret, string? timestamp, string? signature, ReadOnlySpan<byte> body,
        DateTimeOffset now, TimeSpan maxSkew)
    {
        if (string.IsNullOrEmpty(timestamp) || string.IsNullOrEmpty(signature))
            return false;
        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
            return false;
        if (Math.Abs(now.ToUnixTimeSeconds() - seconds) > maxSkew.TotalSeconds)
            return false;
        var expected = Encoding.ASCII.GetBytes(Compute(signingSecret, timestamp, body));
        var actual = Encoding.ASCII.GetBytes(signature);
        // constant time, so the comparison leaks nothing about how much of a forged signature was right
        return CryptographicOperations.FixedTimeEquals(expected, actual);
    }
}
