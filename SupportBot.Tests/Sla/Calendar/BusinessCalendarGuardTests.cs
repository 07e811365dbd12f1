using System.Globalization;
using SupportBot.Sla.Calendar;
using static SupportBot.Tests.Sla.Calendar.Schedules;

namespace SupportBot.Tests.Sla.Calendar;

/// <summary>Inputs and schedules for which there is no sensible answer.</summary>
public class BusinessCalendarGuardTests
{
    private readonly BusinessCalendar biz = new(Biz());

    [Fact]
    public void Adding_negative_time_is_rejected() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => biz.Add(Utc("2006-01-02 09:00"), TimeSpan.FromSeconds(-1)));

    [Fact]
    public void A_schedule_closed_all_week_has_no_business_time_and_cannot_add()
    {
        var closed = new BusinessCalendar(Daily("UTC", "closed"));
        Assert.False(closed.Schedule.HasBusinessTime);
        Assert.Throws<InvalidOperationException>(() => closed.Add(Utc("2006-01-02 09:00"), TimeSpan.Zero));
        Assert.Equal(TimeSpan.Zero, closed.Elapsed(Utc("2006-01-02 00:00"), Utc("2007-01-02 00:00")));
    }

    [Fact]
    public void Adding_gives_up_when_holidays_cover_more_than_ten_years()
    {
        var holidays = Enumerable.Range(0, 11 * 366)
            .Select(i => new DateOnly(2006, 1, 1).AddDays(i).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))
            .ToArray();
        var calendar = new BusinessCalendar(Biz(holidays));
        Assert.True(calendar.Schedule.HasBusinessTime);
        Assert.Throws<InvalidOperationException>(() => calendar.Add(Utc("2006-01-02 09:00"), TimeSpan.FromHours(1)));
        Assert.Throws<InvalidOperationException>(() => calendar.AddBusinessDays(Utc("2006-01-02 09:00"), 1));
    }
}
