using SupportBot.Sla.Calendar;
using static SupportBot.Tests.Sla.Calendar.Schedules;

namespace SupportBot.Tests.Sla.Calendar;

/// <summary>The published examples of the zendesk/biz gem, on its example schedule.</summary>
public class BizGemCasesTests
{
    private readonly BusinessCalendar calendar = new(Biz());

    [Fact]
    public void Ninety_seconds_after_Wednesday_15_58_30_is_16_00() =>
        Assert.Equal(Utc("2006-01-04 16:00:00"), calendar.Add(Utc("2006-01-04 15:58:30"), TimeSpan.FromSeconds(90)));

    [Fact]
    public void Three_hours_after_Wednesday_13_00_is_16_00() =>
        Assert.Equal(Utc("2006-01-04 16:00"), calendar.Add(Utc("2006-01-04 13:00"), TimeSpan.FromHours(3)));

    [Fact]
    public void Zero_hours_after_Tuesday_midnight_is_the_start_of_Tuesday_hours() =>
        Assert.Equal(Utc("2006-01-03 10:00"), calendar.Add(Utc("2006-01-03 00:00"), TimeSpan.Zero));

    [Fact]
    public void Two_business_days_after_Friday_noon_is_Monday_noon_because_Saturday_is_a_business_day() =>
        Assert.Equal(Utc("2006-01-09 12:00"), calendar.AddBusinessDays(Utc("2006-01-06 12:00"), 2));

    [Fact]
    public void Elapsed_from_Thursday_noon_to_Friday_noon_is_seven_hours() =>
        Assert.Equal(TimeSpan.FromHours(7), calendar.Elapsed(Utc("2006-01-05 12:00"), Utc("2006-01-06 12:00")));

    [Fact]
    public void Elapsed_over_a_whole_week_is_thirty_nine_and_a_half_hours() =>
        Assert.Equal(TimeSpan.FromHours(39.5), calendar.Elapsed(Utc("2006-01-01 00:00"), Utc("2006-01-08 00:00")));
}
