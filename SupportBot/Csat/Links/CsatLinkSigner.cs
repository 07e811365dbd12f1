using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using SupportBot.Slack;
using SupportBot.Tickets;

namespace SupportBot.Csat.Links;

/// <summary>
/// Signs and checks the tokens of the rating links: <c>{number}.{rating}.{expires}.{mac}</c>, HMAC-SHA256 over the
/// first three parts. Nothing is stored: the ticket's one rating (<see cref="CsatRecorder"/>) is what makes a link
/// single use, so a copy of the database holds no link. Unlike the dashboard's sign-in links (random tokens whose
/// hashes are stored, minutes long), these live for weeks in a customer's mailbox, one per rating, and need no row.
/// Only digits, lowercase letters and dots: nothing a mail client or <c>CustomerText</c> reads as markup.
/// </summary>
public sealed class CsatLinkSigner(IOptions<CsatOptions> options, IOptions<SlackOptions> slack, TimeProvider time)
{
    private const int MacBytes = 16;
    private const int MaxToken = 100;
    private static readonly byte[] Purpose = "SupportBot CSAT rating links v1"u8.ToArray();

    // the key is derived (HKDF), never the configured secret itself: the bot token stays usable only for Slack
    private readonly Lazy<byte[]> _key = new(() => HKDF.DeriveKey(HashAlgorithmName.SHA256,
        Encoding.UTF8.GetBytes(options.Value.LinkSecret?.Trim() is { Length: > 0 } secret ? secret : slack.Value.BotToken), 32, info: Purpose));

    public string Issue(int number, CsatRating rating)
    {
        var expires = (time.GetUtcNow() + options.Value.LinkLifetime).ToUnixTimeSeconds();
        var payload = string.Create(CultureInfo.InvariantCulture, $"{number}.{Name(rating)}.{expires}");
        return payload + "." + Mac(payload);
    }

    public (CsatLink? Link, CsatLinkProblem Problem) Check(string? token)
    {
        var parts = token is { Length: > 0 and <= MaxToken } ? token.Split('.') : [];
        if (parts.Length != 4 || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            || !long.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var expires)
            || Enum.GetValues<CsatRating>().Where(r => Name(r) == parts[1]).ToList() is not [var rating]
            || parts[3].Length != MacBytes * 2)
            return (null, CsatLinkProblem.Malformed);
        var expected = Encoding.ASCII.GetBytes(Mac(string.Join('.', parts[..3])));
        if (!CryptographicOperations.FixedTimeEquals(expected, Encoding.ASCII.GetBytes(parts[3])))
            return (null, CsatLinkProblem.Forged);
        if (expires <= time.GetUtcNow().ToUnixTimeSeconds())
            return (null, CsatLinkProblem.Expired);
        return (new CsatLink(number, rating, DateTimeOffset.FromUnixTimeSeconds(expires)), CsatLinkProblem.None);
    }

    private static string Name(CsatRating rating) => rating.ToString().ToLowerInvariant();

    private string Mac(string payload) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(_key.Value, Encoding.ASCII.GetBytes(payload)).AsSpan(0, MacBytes));
}
