using System.Globalization;

namespace SupportBot.Time;

/// <summary>How instants and waiting times are shown to people, everywhere the bot writes them.</summary>
public static class Durations
{
    /// <summary>An instant as every answer and card shows it: "2026-12-01 09:30 UTC".</summary>
    public static string Stamp(DateTime at) => at.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);

    /// <summary>"3d 4h", "2h 5m", "45s": how people say waiting times.</summary>
    public static string Short(TimeSpan span)
    {
        if (span < TimeSpan.Zero)
            span = TimeSpan.Zero;
        if (span.TotalDays >= 1)
            return $"{(int)span.TotalDays}d {span.Hours}h";
        if (span.TotalHours >= 1)
            return $"{(int)span.TotalHours}h {span.Minutes}m";
        if (span.TotalMinutes >= 1)
            return $"{(int)span.TotalMinutes}m";
        return $"{(int)span.TotalSeconds}s";
    }
}
