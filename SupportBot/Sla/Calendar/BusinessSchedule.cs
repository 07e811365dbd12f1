using System.Collections.Frozen;
using System.Collections.Immutable;

namespace SupportBot.Sla.Calendar;

/// <summary>
/// Immutable description of when the support team is working: a time zone, the weekly hours as
/// local wall-clock intervals and local holiday dates. Arithmetic lives in <see cref="BusinessCalendar"/>.
/// </summary>
public sealed partial class BusinessSchedule
{
    private readonly FrozenDictionary<DayOfWeek, ImmutableArray<BusinessInterval>> weeklyHours;

    /// <param name="weeklyHours">Days missing from the dictionary are closed.</param>
    public BusinessSchedule(
        TimeZoneInfo timeZone,
        IReadOnlyDictionary<DayOfWeek, IReadOnlyList<BusinessInterval>> weeklyHours,
        IEnumerable<DateOnly>? holidays = null)
    {
        ArgumentNullException.ThrowIfNull(timeZone);
        ArgumentNullException.ThrowIfNull(weeklyHours);
        TimeZone = timeZone;
        this.weeklyHours = Enum.GetValues<DayOfWeek>().ToFrozenDictionary(
            day => day,
            day => SortedAndDisjoint(day, weeklyHours.TryGetValue(day, out var list) ? list : []));
        Holidays = (holidays ?? []).ToFrozenSet();
        HasBusinessTime = this.weeklyHours.Values.Any(list => !list.IsEmpty);
    }

    public TimeZoneInfo TimeZone { get; }

    /// <summary>All seven days; a closed day maps to an empty list.</summary>
    public IReadOnlyDictionary<DayOfWeek, ImmutableArray<BusinessInterval>> WeeklyHours => weeklyHours;

    /// <summary>Local dates with no business time at all.</summary>
    public IReadOnlySet<DateOnly> Holidays { get; }

    /// <summary>
    /// False when every day of the week is closed: <see cref="BusinessCalendar.Add"/> could never
    /// finish, so start-up validation should reject such a schedule.
    /// </summary>
    public bool HasBusinessTime { get; }

    /// <summary>Intervals of the given local date, empty on holidays and closed days.</summary>
    public ImmutableArray<BusinessInterval> IntervalsOn(DateOnly localDate) =>
        Holidays.Contains(localDate) ? [] : weeklyHours[localDate.DayOfWeek];

    public bool IsBusinessDay(DateOnly localDate) => !IntervalsOn(localDate).IsEmpty;

    private static ImmutableArray<BusinessInterval> SortedAndDisjoint(
        DayOfWeek day, IReadOnlyList<BusinessInterval> intervals)
    {
        var sorted = intervals.OrderBy(i => i.Start).ToImmutableArray();
        for (var i = 1; i < sorted.Length; i++)
        {
            // Touching intervals (12:00 end, 12:00 start) are fine; overlaps would count time twice.
            if (sorted[i].Start.ToTimeSpan() < sorted[i - 1].End)
            {
                throw new ArgumentException(
                    $"{day}: intervals {sorted[i - 1]} and {sorted[i]} overlap.", nameof(intervals));
            }
        }

        return sorted;
    }
}
