using System.Security.Cryptography;
using System.Text;

namespace SupportBot.Intake;

/// <summary>
/// The Standard Webhooks scheme (standardwebhooks.com): <c>webhook-signature: v1,&lt;base64 HMAC-SHA256 of
/// "id.timestamp.body"&gt;</c> (several space-separated during a key rotation), with the key from <c>whsec_&lt;base64&gt;</c>.
/// </summary>
public sealed class StandardWebhookKey(byte[] key)
{
    public const string Prefix = "whsec_";

    public static StandardWebhookKey? TryParse(string? secret)
    {
        if (secret is null || !secret.StartsWith(Prefix, StringComparison.Ordinal))
            return null;
        var bytes = new byte[secret.Length];
        return Convert.TryFromBase64String(secret[Prefix.Length..], bytes, out var n) && n >= 16 ? new StandardWebhookKey(bytes[..n]) : null;
    }

    public bool Verifies(string id, string timestamp, byte[] body, string signatures)
    {
        var signed = Encoding.UTF8.GetBytes($"{id}.{timestamp}.").Concat(body).ToArray();
        var expected = HMACSHA256.HashData(key, signed);
        foreach (var candidate in signatures.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = candidate.Split(',', 2);
            var given = new byte[64];
            if (parts is ["v1", var b64] && Convert.TryFromBase64String(b64, given, out var n)
                && CryptographicOperations.FixedTimeEquals(given.AsSpan(0, n), expected))
                return true;
        }
        return false;
    }
}
