using System.Globalization;

namespace SupportBot.Sla.Calendar;

/// <summary>
/// One stretch of business time on a local day, as wall-clock times. <see cref="End"/> is a
/// <see cref="TimeSpan"/> rather than a <see cref="TimeOnly"/> so that "24:00" (end of day) is
/// representable and "00:00-24:00" means the whole day.
/// </summary>
public sealed record BusinessInterval
{
    public static readonly TimeSpan EndOfDay = TimeSpan.FromHours(24);

    public BusinessInterval(TimeOnly start, TimeSpan end)
    {
        // Zero-length and inverted intervals are configuration mistakes, not "closed" days.
        if (end <= start.ToTimeSpan() || end > EndOfDay)
        {
            throw new ArgumentOutOfRangeException(nameof(end), end,
                $"End must be after {Format(start.ToTimeSpan())} and at most 24:00.");
        }

        Start = start;
        End = end;
    }

    public TimeOnly Start { get; }

    public TimeSpan End { get; }

    /// <summary>Nominal wall-clock length; real elapsed time differs on DST-change days.</summary>
    public TimeSpan Length => End - Start.ToTimeSpan();

    public override string ToString() => $"{Format(Start.ToTimeSpan())}-{Format(End)}";

    internal static string Format(TimeSpan timeOfDay) =>
        string.Create(CultureInfo.InvariantCulture, $"{(int)timeOfDay.TotalHours:00}:{timeOfDay.Minutes:00}");
}
