using System.Globalization;

namespace SupportBot.Dashboard.Reports;

/// <summary>The <c>from</c>/<c>to</c> dates of a report or export (inclusive days, UTC); the last 12 weeks by default.</summary>
public sealed record ReportRange(DateTime From, DateTime To)
{
    public const int DefaultWeeks = 12;
    public const int MaxDays = 3 * 366;

    /// <summary>The range, or an error naming what is wrong with the dates.</summary>
    public static (ReportRange? Range, string? Error) Parse(string? from, string? to, DateTime now)
    {
        var end = now.Date.AddDays(1);
        var start = Weeks.StartOf(now).AddDays(-7 * (DefaultWeeks - 1));
        if (!string.IsNullOrEmpty(to))
        {
            if (!TryDay(to, out var day))
                return (null, "The 'to' date must look like 2026-11-30.");
            end = day.AddDays(1);
        }
        if (!string.IsNullOrEmpty(from))
        {
            if (!TryDay(from, out var day))
                return (null, "The 'from' date must look like 2026-09-01.");
            start = day;
        }
        if (start >= end)
            return (null, "The 'from' date must come before the 'to' date.");
        if ((end - start).TotalDays > MaxDays)
            return (null, $"Please choose at most {MaxDays} days.");
        return (new ReportRange(start, end), null);
    }

    private static bool TryDay(string text, out DateTime day)
    {
        var ok = DateTime.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture,
            DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out day);
        day = DateTime.SpecifyKind(day, DateTimeKind.Utc);
        return ok;
    }
}
