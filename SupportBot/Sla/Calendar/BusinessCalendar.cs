namespace SupportBot.Sla.Calendar;

/// <summary>
/// Business-time arithmetic over a <see cref="BusinessSchedule"/>, exact to the tick and DST-aware:
/// it measures real elapsed time, so a 23-hour or 25-hour local day counts as such.
/// Results are expressed in the schedule's time zone offset.
/// </summary>
public sealed class BusinessCalendar(BusinessSchedule schedule)
{
    private readonly BusinessTimeline timeline = new(schedule);

    public BusinessSchedule Schedule { get; } = schedule;

    /// <summary>
    /// The instant at which <paramref name="businessTime"/> of business time has elapsed after
    /// <paramref name="start"/>. Time that exactly fills an interval ends at the interval's end;
    /// zero from outside hours gives the start of the next interval (an interval's end is outside).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">Negative <paramref name="businessTime"/>.</exception>
    /// <exception cref="InvalidOperationException">The schedule has no business time (within ten years).</exception>
    public DateTimeOffset Add(DateTimeOffset start, TimeSpan businessTime)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(businessTime, TimeSpan.Zero);
        if (!Schedule.HasBusinessTime)
        {
            throw new InvalidOperationException("The business schedule is closed every day of the week.");
        }

        var remaining = businessTime.Ticks;
        foreach (var range in timeline.Ranges(start.UtcTicks, DateTime.MaxValue.Ticks - TimeSpan.TicksPerDay, guard: true))
        {
            var length = range.End - range.Start;
            if (remaining <= length)
            {
                return ToZone(range.Start + remaining);
            }

            remaining -= length;
        }

        throw new InvalidOperationException("Business time runs past the end of the calendar.");
    }

    /// <summary>
    /// Business time between two instants; zero when <paramref name="to"/> is not after <paramref name="from"/>.
    /// </summary>
    public TimeSpan Elapsed(DateTimeOffset from, DateTimeOffset to)
    {
        if (to <= from || !Schedule.HasBusinessTime)
        {
            return TimeSpan.Zero;
        }

        // No guard: the walk is bounded by `to`, and years without business time are a valid zero.
        return TimeSpan.FromTicks(timeline.Ranges(from.UtcTicks, to.UtcTicks, guard: false).Sum(r => r.End - r.Start));
    }

    /// <summary>True when <paramref name="instant"/> is inside business hours (interval ends are outside).</summary>
    public bool IsBusinessTime(DateTimeOffset instant) =>
        Schedule.HasBusinessTime && Add(instant, TimeSpan.Zero) == instant;

    /// <summary>
    /// Same local time of day, <paramref name="days"/> business days (non-holiday dates with hours)
    /// later. The time of day is kept even when it falls outside that day's hours; a time that does
    /// not exist that day (DST gap) moves to the end of the gap, an ambiguous one takes its first occurrence.
    /// </summary>
    public DateTimeOffset AddBusinessDays(DateTimeOffset start, int days)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(days);
        var local = ToZone(start.UtcTicks).DateTime;
        var date = DateOnly.FromDateTime(local);
        var limit = date.AddDays((int)BusinessTimeline.SearchLimit.TotalDays);
        for (var counted = 0; counted < days;)
        {
            date = date.AddDays(1);
            counted += Schedule.IsBusinessDay(date) ? 1 : 0;
            if (date > limit)
            {
                throw new InvalidOperationException($"No business day found within ten years after {DateOnly.FromDateTime(local):yyyy-MM-dd}; check Sla:BusinessHours and Sla:Holidays.");
            }
        }

        var wall = date.ToDateTime(TimeOnly.FromTimeSpan(local.TimeOfDay));
        return ToZone(days == 0 ? start.UtcTicks : timeline.Clock.ToUtc(wall.Ticks));
    }

    private DateTimeOffset ToZone(long utcTicks) =>
        TimeZoneInfo.ConvertTime(new DateTimeOffset(utcTicks, TimeSpan.Zero), Schedule.TimeZone);
}
