using SupportBot.Sla.Calendar;
using static SupportBot.Tests.Sla.Calendar.Schedules;

namespace SupportBot.Tests.Sla.Calendar;

public class BusinessCalendarTests
{
    private readonly BusinessCalendar biz = new(Biz());

    [Fact]
    public void Adding_time_that_exactly_fills_an_interval_ends_at_interval_end() =>
        Assert.Equal(Utc("2006-01-02 17:00"), biz.Add(Utc("2006-01-02 09:00"), TimeSpan.FromHours(8)));

    [Fact]
    public void Adding_zero_inside_hours_returns_the_start() =>
        Assert.Equal(Utc("2006-01-02 12:34:56"), biz.Add(Utc("2006-01-02 12:34:56"), TimeSpan.Zero));

    [Fact]
    public void Adding_zero_at_an_interval_end_moves_to_the_next_interval() =>
        Assert.Equal(Utc("2006-01-03 10:00"), biz.Add(Utc("2006-01-02 17:00"), TimeSpan.Zero));

    [Theory]
    [InlineData("2006-01-06 16:00", 3, "2006-01-07 13:00")] // Fri 1 h, Sat 2 h
    [InlineData("2006-01-06 16:00", 5, "2006-01-09 09:30")] // Fri 1 h, Sat 3.5 h, Sun closed, Mon 0.5 h
    [InlineData("2006-01-07 20:00", 1, "2006-01-09 10:00")] // from Saturday evening over closed Sunday
    [InlineData("2006-01-02 09:00", 48, "2006-01-10 10:30")] // Mon..Sat 39.5, Mon 8, Tue 0.5
    public void Adding_hours_crosses_the_weekend(string start, double hours, string expected) =>
        Assert.Equal(Utc(expected), biz.Add(Utc(start), TimeSpan.FromHours(hours)));

    [Fact]
    public void Holidays_are_skipped()
    {
        var calendar = new BusinessCalendar(Biz("2006-01-09"));
        // Sat 14:00-14:30, Monday the 9th is a holiday, then Tuesday from 10:00.
        Assert.Equal(Utc("2006-01-10 10:30"), calendar.Add(Utc("2006-01-07 14:00"), TimeSpan.FromHours(1)));
        Assert.Equal(TimeSpan.FromHours(6), calendar.Elapsed(Utc("2006-01-08 00:00"), Utc("2006-01-11 00:00")));
        Assert.Equal(Utc("2006-01-11 12:00"), calendar.AddBusinessDays(Utc("2006-01-07 12:00"), 2));
    }

    [Fact]
    public void Several_intervals_per_day_leave_the_lunch_break_out()
    {
        var calendar = new BusinessCalendar(Daily("UTC", "09:00-12:00, 13:00-17:00"));
        Assert.Equal(Utc("2006-01-02 12:00"), calendar.Add(Utc("2006-01-02 11:00"), TimeSpan.FromHours(1)));
        Assert.Equal(Utc("2006-01-02 14:00"), calendar.Add(Utc("2006-01-02 11:00"), TimeSpan.FromHours(2)));
        Assert.Equal(Utc("2006-01-02 13:00"), calendar.Add(Utc("2006-01-02 12:15"), TimeSpan.Zero));
        Assert.Equal(TimeSpan.FromHours(7), calendar.Elapsed(Utc("2006-01-02 00:00"), Utc("2006-01-03 00:00")));
        Assert.Equal(TimeSpan.FromHours(2.5), calendar.Elapsed(Utc("2006-01-02 10:30"), Utc("2006-01-02 14:00")));
    }

    [Theory]
    [InlineData("2006-01-01 00:00", 0)]
    [InlineData("2006-01-07 23:59:59", 1)]
    [InlineData("2011-03-05 10:00", 200)]
    public void An_all_day_schedule_makes_Add_plain_addition(string start, double hours)
    {
        var calendar = new BusinessCalendar(Daily("UTC", "00:00-24:00"));
        Assert.Equal(Utc(start).AddHours(hours), calendar.Add(Utc(start), TimeSpan.FromHours(hours)));
        Assert.Equal(TimeSpan.FromHours(hours), calendar.Elapsed(Utc(start), Utc(start).AddHours(hours)));
    }

    [Fact]
    public void Elapsed_is_zero_when_to_is_not_after_from()
    {
        Assert.Equal(TimeSpan.Zero, biz.Elapsed(Utc("2006-01-02 12:00"), Utc("2006-01-02 12:00")));
        Assert.Equal(TimeSpan.Zero, biz.Elapsed(Utc("2006-01-02 13:00"), Utc("2006-01-02 12:00")));
    }

    [Fact]
    public void Elapsed_counts_partial_seconds_exactly() =>
        Assert.Equal(TimeSpan.FromMilliseconds(1500),
            biz.Elapsed(Utc("2006-01-02 08:00"), Utc("2006-01-02 09:00:01").AddMilliseconds(500)));

    [Fact]
    public void Results_are_expressed_in_the_schedule_time_zone()
    {
        var calendar = new BusinessCalendar(Daily("Europe/Berlin", "09:00-17:00"));
        var result = calendar.Add(Utc("2006-01-02 00:00"), TimeSpan.Zero);
        Assert.Equal(TimeSpan.FromHours(1), result.Offset);
        Assert.Equal(new DateTime(2006, 1, 2, 9, 0, 0), result.DateTime);
    }

    [Fact]
    public void Is_business_time_treats_interval_ends_as_outside()
    {
        Assert.True(biz.IsBusinessTime(Utc("2006-01-02 09:00")));
        Assert.True(biz.IsBusinessTime(Utc("2006-01-02 16:59:59")));
        Assert.False(biz.IsBusinessTime(Utc("2006-01-02 17:00")));
        Assert.False(biz.IsBusinessTime(Utc("2006-01-08 12:00")));
    }

    [Fact]
    public void Zero_business_days_returns_the_start() =>
        Assert.Equal(Utc("2006-01-08 03:00"), biz.AddBusinessDays(Utc("2006-01-08 03:00"), 0));

    [Fact]
    public void Default_schedule_is_utc_weekdays_nine_to_five()
    {
        var calendar = new BusinessCalendar(BusinessSchedule.Default);
        Assert.Equal(TimeZoneInfo.Utc, BusinessSchedule.Default.TimeZone);
        Assert.Equal(TimeSpan.FromHours(40), calendar.Elapsed(Utc("2006-01-01 00:00"), Utc("2006-01-08 00:00")));
    }
}
