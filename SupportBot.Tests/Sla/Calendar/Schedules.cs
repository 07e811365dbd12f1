using System.Globalization;
using SupportBot.Sla.Calendar;

namespace SupportBot.Tests.Sla.Calendar;

/// <summary>Schedules and local-time helpers shared by the calendar tests.</summary>
internal static class Schedules
{
    /// <summary>The schedule of the zendesk/biz gem's published examples (2006-01-02 is a Monday).</summary>
    public static BusinessSchedule Biz(params string[] holidays) =>
        BusinessSchedule.Parse("UTC", new Dictionary<DayOfWeek, string?>
        {
            [DayOfWeek.Monday] = "09:00-17:00",
            [DayOfWeek.Tuesday] = "10:00-16:00",
            [DayOfWeek.Wednesday] = "09:00-17:00",
            [DayOfWeek.Thursday] = "10:00-16:00",
            [DayOfWeek.Friday] = "09:00-17:00",
            [DayOfWeek.Saturday] = "11:00-14:30",
            [DayOfWeek.Sunday] = "closed",
        }, holidays);

    /// <summary>Every day of the week gets <paramref name="hours"/>.</summary>
    public static BusinessSchedule Daily(string zone, string hours, params string[] holidays) =>
        BusinessSchedule.Parse(zone, Enum.GetValues<DayOfWeek>().ToDictionary(d => d, _ => (string?)hours), holidays);

    /// <summary>Only <paramref name="day"/> has <paramref name="hours"/>, the rest of the week is closed.</summary>
    public static BusinessSchedule OnlyOn(string zone, DayOfWeek day, string hours) =>
        BusinessSchedule.Parse(zone, Enum.GetValues<DayOfWeek>().ToDictionary(d => d, d => d == day ? hours : null), []);

    /// <summary>An instant given as UTC "yyyy-MM-dd HH:mm:ss" or "yyyy-MM-dd HH:mm".</summary>
    public static DateTimeOffset Utc(string text) => new(Parse(text), TimeSpan.Zero);

    /// <summary>An instant given as unambiguous local wall time in <paramref name="zone"/>.</summary>
    public static DateTimeOffset Local(string zone, string text)
    {
        var wall = Parse(text);
        var tz = TimeZoneInfo.FindSystemTimeZoneById(zone);
        Assert.False(tz.IsAmbiguousTime(wall) || tz.IsInvalidTime(wall), $"{text} is not a unique local time in {zone}");
        return new DateTimeOffset(wall, tz.GetUtcOffset(wall));
    }

    private static DateTime Parse(string text) =>
        DateTime.ParseExact(text, ["yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None);
}
