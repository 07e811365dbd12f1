using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using SupportBot.Sla.Calendar;
using static SupportBot.Tests.Sla.Calendar.Schedules;

using SupportBot.Time;

namespace SupportBot.Tests.Sla.Calendar;

public class BusinessCalendarPropertyTests
{
    // DST zones, lunch breaks, the repeated hour, holidays and a sparse week, besides the gem's schedule.
    private static readonly BusinessCalendar[] Calendars =
    [
        new(Biz("2006-01-09", "2015-12-25")),
        new(Daily("America/New_York", "00:30-01:30, 01:45-09:00, 13:00-24:00", "2015-11-02")),
        new(Daily("America/Los_Angeles", "02:30-12:00, 13:00-17:00")),
        new(OnlyOn("Europe/London", DayOfWeek.Sunday, "00:00-24:00")),
    ];

    private static readonly DateTimeOffset Epoch = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    // Half the starts fall within a week of a DST change, where the interesting bugs live.
    private static readonly Gen<DateTimeOffset> Starts = Gen.OneOf(
        Gen.Choose(0, 30 * 365 * 86_400).Select(s => Epoch.AddSeconds(s)),
        Gen.Elements(Utc("2006-04-02 10:00"), Utc("2015-11-01 06:00"), Utc("2015-03-29 01:00"))
            .SelectMany(change => Gen.Choose(-7 * 86_400, 86_400).Select(s => change.AddSeconds(s))));

    private static readonly Gen<TimeSpan> Durations = Gen.Choose(0, 200 * 3600).Select(s => TimeSpan.FromSeconds(s));

    [Property]
    public Property Elapsed_time_from_start_to_the_result_of_Add_is_the_added_time() =>
        Prop.ForAll(
            Gen.Elements(Calendars).Zip(Starts).Zip(Durations).ToArbitrary(),
            c =>
            {
                var ((calendar, start), duration) = c;
                return calendar.Elapsed(start, calendar.Add(start, duration)) == duration;
            });

    [Property]
    public Property Add_is_monotonic_in_the_duration() =>
        Prop.ForAll(
            Gen.Elements(Calendars).Zip(Starts).Zip(Durations.Two()).ToArbitrary(),
            c =>
            {
                var ((calendar, start), (a, b)) = c;
                var (shorter, longer) = a <= b ? (a, b) : (b, a);
                return calendar.Add(start, shorter) <= calendar.Add(start, longer);
            });
}
