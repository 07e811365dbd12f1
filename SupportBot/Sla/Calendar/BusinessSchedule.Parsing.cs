using System.Collections.Frozen;
using System.Globalization;

namespace SupportBot.Sla.Calendar;

public sealed partial class BusinessSchedule
{
    /// <summary>Text used for a day without business time.</summary>
    public const string Closed = "closed";

    /// <summary>Hours applied to days the configuration does not mention: Mon–Fri 09:00–17:00.</summary>
    public static IReadOnlyDictionary<DayOfWeek, string> DefaultHours { get; } =
        Enum.GetValues<DayOfWeek>().ToFrozenDictionary(
            day => day,
            day => day is DayOfWeek.Saturday or DayOfWeek.Sunday ? Closed : "09:00-17:00");

    /// <summary>UTC, Mon–Fri 09:00–17:00, no holidays.</summary>
    public static BusinessSchedule Default { get; } =
        Parse(null, new Dictionary<DayOfWeek, string?>(), []);

    /// <summary>
    /// Builds a schedule from configuration text (Sla:TimeZone, Sla:BusinessHours:{Day}, Sla:Holidays).
    /// The messages of the <see cref="FormatException"/>s name the configuration key and the bad
    /// text because they surface at application start-up.
    /// </summary>
    /// <param name="timeZone">IANA id such as "Europe/Berlin"; null or blank means UTC.</param>
    /// <param name="hours">
    /// Per day "09:00-17:00", "09:00-12:00, 13:00-17:00", "00:00-24:00", or null/blank/"closed".
    /// A day missing from the dictionary gets <see cref="DefaultHours"/>.
    /// </param>
    /// <param name="holidays">Local dates as yyyy-MM-dd.</param>
    public static BusinessSchedule Parse(
        string? timeZone,
        IReadOnlyDictionary<DayOfWeek, string?> hours,
        IEnumerable<string>? holidays)
    {
        ArgumentNullException.ThrowIfNull(hours);
        var weekly = Enum.GetValues<DayOfWeek>().ToDictionary<DayOfWeek, DayOfWeek, IReadOnlyList<BusinessInterval>>(
            day => day,
            day => BusinessHoursText.Parse(
                $"Sla:BusinessHours:{day}", hours.TryGetValue(day, out var text) ? text : DefaultHours[day]));
        return new BusinessSchedule(ParseTimeZone(timeZone), weekly, (holidays ?? []).Select(ParseHoliday).ToList());
    }

    private static TimeZoneInfo ParseTimeZone(string? id)
    {
        if (string.IsNullOrWhiteSpace(id))
        {
            return TimeZoneInfo.Utc;
        }

        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(id.Trim());
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            throw new FormatException(
                $"Sla:TimeZone \"{id}\" is not a known IANA time zone id (e.g. \"Europe/Berlin\", \"UTC\").", e);
        }
    }

    private static DateOnly ParseHoliday(string text) =>
        DateOnly.TryParseExact(text?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw new FormatException($"Sla:Holidays \"{text}\" is not a date in yyyy-MM-dd form.");
}
