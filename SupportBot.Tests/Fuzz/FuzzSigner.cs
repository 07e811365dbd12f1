using System.Globalization;
using System.Text;
using SupportBot.Slack.Signing;
using SupportBot.Tests.Infrastructure;

namespace SupportBot.Tests.Fuzz;

/// <summary>Slack's signing headers: the genuine ones, and every way of getting them wrong.</summary>
public sealed class FuzzSigner(DateTimeOffset now)
{
    private const string TimestampHeader = "X-Slack-Request-Timestamp";
    private const string SignatureHeader = "X-Slack-Signature";

    private static readonly string[] GarbageTimestamps =
    [
        "", " ", "abc", "-1", "+1700000000", "1.5", "1e9", "0x10", " 1700000000", "1700000000 ", "١٧٠٠٠٠٠٠٠٠",
        "99999999999999999999", "9223372036854775807", "-9223372036854775808", "18446744073709551616", "NaN", "null",
        "1700000000,1700000000", "0", "\u0000", "🕐", "%31%37",
    ];

    private long Timestamp => now.ToUnixTimeSeconds();

    public static string Sign(string timestamp, byte[] body, string secret = TestSettings.Secret) =>
        SlackSignature.Compute(secret, timestamp, body);

    public IReadOnlyList<KeyValuePair<string, string>> Valid(byte[] body)
    {
        var ts = Timestamp.ToString(CultureInfo.InvariantCulture);
        return [new(TimestampHeader, ts), new(SignatureHeader, Sign(ts, body))];
    }

    /// <summary>Headers that can never pass verification for <paramref name="body"/>, and what is wrong with them.</summary>
    public (string Kind, IReadOnlyList<KeyValuePair<string, string>> Headers) Invalid(Random random, byte[] body)
    {
        var ts = Timestamp.ToString(CultureInfo.InvariantCulture);
        var good = Sign(ts, body);
        KeyValuePair<string, string> Ts(string value) => new(TimestampHeader, value);
        KeyValuePair<string, string> Sig(string value) => new(SignatureHeader, value);
        string Shifted(long seconds) => (Timestamp + seconds).ToString(CultureInfo.InvariantCulture);
        switch (random.Next(16))
        {
            case 0:
                return ("no-headers", []);
            case 1:
                return ("timestamp-only", [Ts(ts)]);
            case 2:
                return ("signature-only", [Sig(good)]);
            case 3:
                return ("wrong-secret", [Ts(ts), Sig(Sign(ts, body, "not-the-secret"))]);
            case 4:
            {
                var stale = Shifted(-random.NextInt64(301, 10_000_000));
                return ("stale-timestamp", [Ts(stale), Sig(Sign(stale, body))]);
            }
            case 5:
            {
                var future = Shifted(random.NextInt64(301, 10_000_000));
                return ("future-timestamp", [Ts(future), Sig(Sign(future, body))]);
            }
            case 6:
            {
                var garbage = GarbageTimestamps[random.Next(GarbageTimestamps.Length)];
                return ("garbage-timestamp", [Ts(garbage), Sig(Sign(garbage, body))]);
            }
            case 7:
            {
                var huge = new string('9', random.Next(1_000, 100_000));
                return ("huge-timestamp", [Ts(huge), Sig(Sign(huge, body))]);
            }
            case 8:
                return ("signature-too-long", [Ts(ts), Sig(good + "0")]);
            case 9:
                return ("signature-too-short", [Ts(ts), Sig(good[..^random.Next(1, good.Length)])]);
            case 10:
                return ("signature-upper-case", [Ts(ts), Sig(random.Next(2) == 0 ? good.ToUpperInvariant() : "v0=" + good[3..].ToUpperInvariant())]);
            case 11:
                return ("signature-without-prefix", [Ts(ts), Sig(random.Next(2) == 0 ? good[3..] : "v1=" + good[3..])]);
            case 12:
                return ("signature-of-other-body", [Ts(ts), Sig(Sign(ts, [.. body, (byte)' ']))]);
            case 13:
                return ("signature-garbage", [Ts(ts), Sig(Garbage(random))]);
            case 14:
                return ("signature-twice", [Ts(ts), Sig(good), Sig(good)]);
            default:
                return ("timestamp-twice", [Ts(ts), Ts(ts), Sig(good)]);
        }
    }

    private static string Garbage(Random random)
    {
        var pool = "v0=abcdefABCDEF0123456789 =-_+/é🔑\u200B";
        var length = random.Next(0, 200);
        var text = new StringBuilder(length);
        for (var i = 0; i < length; i++)
            text.Append(pool[random.Next(pool.Length)]);
        return text.ToString();
    }
}
