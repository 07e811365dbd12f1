namespace SupportBot.Sla.Calendar;

/// <summary>A stretch of business time [Start, End) in UTC ticks.</summary>
internal readonly record struct UtcRange(long Start, long End);

/// <summary>
/// Enumerates business time as ordered UTC ranges. It walks the UTC timeline in constant-offset
/// segments and, inside each, maps the local intervals of the dates the segment covers to instants.
/// An instant counts as business time exactly when its local wall time lies in an interval of its
/// local date, so: interval boundaries in the spring-forward gap move to the instant the gap ends,
/// and the repeated fall-back hour is counted twice when it is within hours (real elapsed time).
/// </summary>
internal sealed class BusinessTimeline(BusinessSchedule schedule)
{
    /// <summary>How far ahead to look for business time before declaring the schedule unusable.</summary>
    public static readonly TimeSpan SearchLimit = TimeSpan.FromDays(3653);

    private const long Chunk = 400 * TimeSpan.TicksPerDay;

    private readonly ZoneClock clock = new(schedule.TimeZone);

    public ZoneClock Clock => clock;

    /// <summary>Business ranges clipped to [from, until), in order.</summary>
    /// <param name="guard">Throw when no business time comes within <see cref="SearchLimit"/>
    /// (of the last range or of <paramref name="from"/>): a search that can never succeed must not spin.</param>
    public IEnumerable<UtcRange> Ranges(long from, long until, bool guard)
    {
        var lastFound = from;
        var cursor = from;
        while (cursor < until)
        {
            var segment = clock.SegmentAt(cursor, Math.Min(until, cursor + Chunk));
            foreach (var range in RangesIn(segment))
            {
                lastFound = range.End;
                yield return range;
            }

            cursor = segment.End;
            if (guard && cursor - lastFound > SearchLimit.Ticks)
            {
                throw new InvalidOperationException(
                    $"No business time within {SearchLimit.TotalDays:0} days of {new DateTime(lastFound, DateTimeKind.Utc):O}; "
                    + "check Sla:BusinessHours and Sla:Holidays.");
            }
        }
    }

    private IEnumerable<UtcRange> RangesIn(OffsetSegment segment)
    {
        var offset = segment.OffsetTicks;
        var firstDate = DateOnly.FromDateTime(new DateTime(segment.Start + offset));
        var lastDate = DateOnly.FromDateTime(new DateTime(segment.End + offset - 1));
        for (var date = firstDate; date <= lastDate; date = date.AddDays(1))
        {
            var midnight = date.ToDateTime(TimeOnly.MinValue).Ticks;
            foreach (var interval in schedule.IntervalsOn(date))
            {
                // Wall time = instant + offset inside this segment, so invert and clip to the segment.
                var start = Math.Max(segment.Start, midnight + interval.Start.Ticks - offset);
                var end = Math.Min(segment.End, midnight + interval.End.Ticks - offset);
                if (start < end)
                {
                    yield return new UtcRange(start, end);
                }
            }
        }
    }
}
