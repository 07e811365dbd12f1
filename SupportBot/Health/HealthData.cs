using System.Globalization;

namespace SupportBot.Health;

/// <summary>
/// Keys a health check may put in its result's data that /health lifts into the check's own JSON fields:
/// <see cref="Since"/> (an instant) says since when the check's cause holds.
/// </summary>
public static class HealthData
{
    public const string Since = "since";

    /// <summary>An instant in a check's description: "2026-12-07 10:04:05 UTC".</summary>
    public static string Stamp(DateTimeOffset at) =>
        at.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);
}
