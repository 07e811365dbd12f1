using System.Globalization;

namespace SupportBot.Dashboard.Reports;

/// <summary>Weeks start on Monday, 00:00 UTC; reports bucket tickets by the week they fall in.</summary>
public static class Weeks
{
    public static DateTime StartOf(DateTime at)
    {
        var day = at.Date;
        var offset = ((int)day.DayOfWeek + 6) % 7; // Monday = 0
        return DateTime.SpecifyKind(day.AddDays(-offset), DateTimeKind.Utc);
    }

    /// <summary>Every week start from the week of <paramref name="from"/> up to <paramref name="to"/> (exclusive).</summary>
    public static List<DateTime> Between(DateTime from, DateTime to)
    {
        var weeks = new List<DateTime>();
        for (var w = StartOf(from); w < to; w = w.AddDays(7))
            weeks.Add(w);
        return weeks;
    }

    public static string Label(DateTime weekStart) => weekStart.ToString("MMM d", CultureInfo.InvariantCulture);
}
