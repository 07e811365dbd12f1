using System.Globalization;

namespace SupportBot.Intake;

/// <summary>Senders' timestamps must be within five minutes of now: an old signed request replayed is refused.</summary>
public static class Freshness
{
    public static readonly TimeSpan Tolerance = TimeSpan.FromMinutes(5);

    public static bool IsFresh(string? unixTime, TimeProvider time, bool milliseconds = false)
    {
        if (!long.TryParse(unixTime, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
            return false;
        var at = milliseconds ? DateTimeOffset.FromUnixTimeMilliseconds(value) : DateTimeOffset.FromUnixTimeSeconds(Math.Min(value, 253_402_300_799));
        return (time.GetUtcNow() - at).Duration() <= Tolerance;
    }
}
