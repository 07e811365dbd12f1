using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using SupportBot.Storage;

namespace SupportBot.Dashboard.Auth;

/// <summary>
/// One-time sign-in links and the sessions they start. Only SHA-256 hashes of the random tokens are stored, so a
/// copy of the database signs nobody in. A link works once, within <see cref="DashboardOptions.LinkLifetime"/>.
/// </summary>
public sealed class SignIns(IStoreGate gate, TimeProvider time, IOptions<DashboardOptions> options)
{
    public sealed class Grant
    {
        public string Hash { get; set; } = "";

        public string UserId { get; set; } = "";
        public DateTime ExpiresAt { get; set; }
    }

    /// <summary>A new sign-in link's token for <paramref name="userId"/>.</summary>
    public string IssueLink(string userId)
    {
        var token = NewToken();
        var now = time.GetUtcNow().UtcDateTime;
        gate.Write(s =>
        {
            s.Grants.DeleteExpired(GrantKind.Link, now); // old links go as new ones are made
            s.Grants.Insert(GrantKind.Link, new Grant { Hash = Hash(token), UserId = userId, ExpiresAt = now + options.Value.LinkLifetime });
        });
        return token;
    }

    /// <summary>Spends a link: the user and a new session token, or null when it is unknown, used or expired.</summary>
    public (string UserId, string Session)? Redeem(string? token)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 100)
            return null;
        var now = time.GetUtcNow().UtcDateTime;
        return gate.Write(s =>
        {
            var grant = s.Grants.Find(GrantKind.Link, Hash(token));
            if (grant is null)
                return ((string, string)?)null;
            s.Grants.Delete(GrantKind.Link, grant.Hash); // single use, whatever happens next
            if (grant.ExpiresAt <= now)
                return null;
            var session = NewToken();
            s.Grants.DeleteExpired(GrantKind.Session, now);
            s.Grants.Insert(GrantKind.Session, new Grant { Hash = Hash(session), UserId = grant.UserId, ExpiresAt = now + options.Value.SessionLifetime });
            return (grant.UserId, session);
        });
    }

    /// <summary>The signed-in user of a session cookie, or null.</summary>
    public string? UserOf(string? session)
    {
        if (string.IsNullOrEmpty(session) || session.Length > 100)
            return null;
        var now = time.GetUtcNow().UtcDateTime;
        var grant = gate.Read(s => s.Grants.Find(GrantKind.Session, Hash(session)));
        return grant is not null && grant.ExpiresAt > now ? grant.UserId : null;
    }

    public void SignOut(string? session)
    {
        if (!string.IsNullOrEmpty(session) && session.Length <= 100)
            gate.Write(s => s.Grants.Delete(GrantKind.Session, Hash(session)));
    }

    private static string NewToken() => Base64Url(RandomNumberGenerator.GetBytes(32));

    private static string Hash(string token) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
