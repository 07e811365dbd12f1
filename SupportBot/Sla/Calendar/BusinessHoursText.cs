namespace SupportBot.Sla.Calendar;

/// <summary>Parses one day's hours text such as "09:00-12:00, 13:00-17:00".</summary>
internal static class BusinessHoursText
{
    private const string Expected =
        "expected e.g. \"09:00-17:00\", \"09:00-12:00, 13:00-17:00\", \"00:00-24:00\" or \"closed\"";

    /// <param name="key">Configuration key, repeated in error messages so operators can find the line.</param>
    public static IReadOnlyList<BusinessInterval> Parse(string key, string? text)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Trim().Equals(BusinessSchedule.Closed, StringComparison.OrdinalIgnoreCase))
        {
            return [];
        }

        var intervals = text.Split(',').Select(part => ParseInterval(key, text, part.Trim()))
            .OrderBy(i => i.Start).ToList();
        for (var i = 1; i < intervals.Count; i++)
        {
            if (intervals[i].Start.ToTimeSpan() < intervals[i - 1].End)
            {
                throw new FormatException(
                    $"{key} \"{text}\": intervals {intervals[i - 1]} and {intervals[i]} overlap.");
            }
        }

        return intervals;
    }

    private static BusinessInterval ParseInterval(string key, string text, string part)
    {
        var ends = part.Split('-');
        if (ends.Length != 2 || ParseTime(ends[0].Trim()) is not { } start || ParseTime(ends[1].Trim()) is not { } end)
        {
            throw new FormatException($"{key} \"{text}\" is not HH:mm-HH:mm ({Expected}).");
        }

        if (start == BusinessInterval.EndOfDay)
        {
            throw new FormatException($"{key} \"{text}\": an interval cannot start at 24:00.");
        }

        if (end <= start)
        {
            throw new FormatException(
                $"{key} \"{text}\": interval {part} must end after it starts (use 24:00 for midnight at the end of the day).");
        }

        return new BusinessInterval(TimeOnly.FromTimeSpan(start), end);
    }

    /// <summary>Strict "HH:mm" from 00:00 to 24:00; null when the text is anything else.</summary>
    private static TimeSpan? ParseTime(string s)
    {
        if (s.Length != 5 || s[2] != ':' || !char.IsAsciiDigit(s[0]) || !char.IsAsciiDigit(s[1])
            || !char.IsAsciiDigit(s[3]) || !char.IsAsciiDigit(s[4]))
        {
            return null;
        }

        int hours = ((s[0] - '0') * 10) + (s[1] - '0'), minutes = ((s[3] - '0') * 10) + (s[4] - '0');
        var valid = minutes < 60 && (hours < 24 || (hours == 24 && minutes == 0));
        return valid ? new TimeSpan(hours, minutes, 0) : null;
    }
}
