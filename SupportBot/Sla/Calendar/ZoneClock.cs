namespace SupportBot.Sla.Calendar;

/// <summary>A stretch of UTC instants [Start, End) (UTC ticks) over which the zone's offset is constant.</summary>
internal readonly record struct OffsetSegment(long Start, long End, long OffsetTicks);

/// <summary>
/// Splits the UTC timeline into constant-offset segments. .NET exposes no "next transition" API, so
/// transitions are found by probing the offset hourly and bisecting to the exact tick.
/// Assumes no two transitions within one hour of each other, which holds for every tz database zone.
/// </summary>
internal sealed class ZoneClock(TimeZoneInfo zone)
{
    private const long ProbeStep = TimeSpan.TicksPerHour;
    private const long MaxSegment = TimeSpan.TicksPerDay;

    // Zones without adjustment rules (UTC, Etc/GMT+5) never change offset: skip all probing.
    private readonly bool fixedOffset = zone.GetAdjustmentRules().Length == 0;

    public long OffsetAt(long utcTicks) =>
        fixedOffset ? zone.BaseUtcOffset.Ticks : zone.GetUtcOffset(new DateTime(utcTicks, DateTimeKind.Utc)).Ticks;

    /// <summary>The segment starting at <paramref name="start"/>, ending at the next transition,
    /// at most a day later and never after <paramref name="limit"/> (which must exceed start).</summary>
    public OffsetSegment SegmentAt(long start, long limit)
    {
        var offset = OffsetAt(start);
        var end = Math.Min(limit, fixedOffset ? limit : start + MaxSegment);
        if (fixedOffset)
        {
            return new OffsetSegment(start, end, offset);
        }

        for (var previous = start; previous < end - 1; previous += ProbeStep)
        {
            var probe = Math.Min(previous + ProbeStep, end - 1);
            if (OffsetAt(probe) != offset)
            {
                return new OffsetSegment(start, FirstTickWithOtherOffset(previous, probe, offset), offset);
            }
        }

        return new OffsetSegment(start, end, offset);
    }

    /// <summary>
    /// Converts a local wall time to the earliest instant whose wall time is at or after it:
    /// a time in the spring-forward gap becomes the instant the gap ends, an ambiguous
    /// fall-back time becomes its first (daylight) occurrence.
    /// </summary>
    public long ToUtc(long wallTicks)
    {
        // Real offsets are within ±14 h, so the instant lies in this window.
        var cursor = wallTicks - TimeSpan.TicksPerDay;
        var limit = wallTicks + TimeSpan.TicksPerDay;
        while (cursor < limit)
        {
            var segment = SegmentAt(cursor, limit);
            if (segment.End + segment.OffsetTicks > wallTicks)
            {
                return Math.Max(segment.Start, wallTicks - segment.OffsetTicks);
            }

            cursor = segment.End;
        }

        throw new InvalidOperationException($"No instant found for local time {new DateTime(wallTicks):O}.");
    }

    // Invariant: offset(low) == offset, offset(high) != offset.
    private long FirstTickWithOtherOffset(long low, long high, long offset)
    {
        while (high - low > 1)
        {
            var middle = low + ((high - low) / 2);
            if (OffsetAt(middle) == offset)
            {
                low = middle;
            }
            else
            {
                high = middle;
            }
        }

        return high;
    }
}
