using SupportBot.Sla.Calendar;

namespace SupportBot.Tests.Sla.Calendar;

public class BusinessScheduleParseTests
{
    private static BusinessSchedule ParseMonday(string? hours, params string[] holidays) =>
        BusinessSchedule.Parse("UTC", new Dictionary<DayOfWeek, string?> { [DayOfWeek.Monday] = hours }, holidays);

    [Theory]
    [InlineData("09:00-17:00", "09:00-17:00")]
    [InlineData(" 09:00 - 17:00 ", "09:00-17:00")]
    [InlineData("09:00-12:00, 13:00-17:00", "09:00-12:00|13:00-17:00")]
    [InlineData("13:00-17:00,09:00-12:00", "09:00-12:00|13:00-17:00")]
    [InlineData("09:00-12:00, 12:00-17:00", "09:00-12:00|12:00-17:00")]
    [InlineData("00:00-24:00", "00:00-24:00")]
    [InlineData("22:30-24:00", "22:30-24:00")]
    [InlineData("closed", "")]
    [InlineData("Closed", "")]
    [InlineData("", "")]
    [InlineData("   ", "")]
    [InlineData(null, "")]
    public void Valid_day_hours_parse_to_sorted_intervals(string? text, string expected) =>
        Assert.Equal(expected, string.Join('|', ParseMonday(text).WeeklyHours[DayOfWeek.Monday]));

    [Theory]
    [InlineData("9-5", "Sla:BusinessHours:Monday \"9-5\" is not HH:mm-HH:mm")]
    [InlineData("9:00-17:00", "Sla:BusinessHours:Monday \"9:00-17:00\" is not HH:mm-HH:mm")]
    [InlineData("09:00-25:00", "Sla:BusinessHours:Monday \"09:00-25:00\" is not HH:mm-HH:mm")]
    [InlineData("09:00-17:60", "Sla:BusinessHours:Monday \"09:00-17:60\" is not HH:mm-HH:mm")]
    [InlineData("09:00", "Sla:BusinessHours:Monday \"09:00\" is not HH:mm-HH:mm")]
    [InlineData("09:00-12:00,", "Sla:BusinessHours:Monday \"09:00-12:00,\" is not HH:mm-HH:mm")]
    [InlineData("open", "Sla:BusinessHours:Monday \"open\" is not HH:mm-HH:mm")]
    [InlineData("17:00-09:00", "Sla:BusinessHours:Monday \"17:00-09:00\": interval 17:00-09:00 must end after it starts")]
    [InlineData("09:00-09:00", "Sla:BusinessHours:Monday \"09:00-09:00\": interval 09:00-09:00 must end after it starts")]
    [InlineData("24:00-24:00", "Sla:BusinessHours:Monday \"24:00-24:00\": an interval cannot start at 24:00")]
    [InlineData("09:00-12:00, 11:00-13:00", "Sla:BusinessHours:Monday \"09:00-12:00, 11:00-13:00\": intervals 09:00-12:00 and 11:00-13:00 overlap")]
    public void Invalid_day_hours_fail_with_a_message_naming_the_day_and_text(string text, string expectedStart)
    {
        var error = Assert.Throws<FormatException>(() => ParseMonday(text));
        Assert.StartsWith(expectedStart, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_error_names_the_day_that_is_wrong()
    {
        var hours = new Dictionary<DayOfWeek, string?> { [DayOfWeek.Monday] = "09:00-17:00", [DayOfWeek.Saturday] = "10-14" };
        var error = Assert.Throws<FormatException>(() => BusinessSchedule.Parse(null, hours, []));
        Assert.Contains("Sla:BusinessHours:Saturday \"10-14\"", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Days_not_given_get_the_default_hours()
    {
        var schedule = ParseMonday("closed");
        Assert.Empty(schedule.WeeklyHours[DayOfWeek.Monday]);
        Assert.Equal("09:00-17:00", Assert.Single(schedule.WeeklyHours[DayOfWeek.Tuesday]).ToString());
        Assert.Empty(schedule.WeeklyHours[DayOfWeek.Sunday]);
        Assert.Equal("09:00-17:00", BusinessSchedule.DefaultHours[DayOfWeek.Friday]);
        Assert.Equal("closed", BusinessSchedule.DefaultHours[DayOfWeek.Saturday]);
    }

    [Theory]
    [InlineData(null, "UTC")]
    [InlineData("", "UTC")]
    [InlineData("America/New_York", "America/New_York")]
    public void Time_zone_is_an_iana_id_defaulting_to_utc(string? zone, string expectedId) =>
        Assert.Equal(expectedId, BusinessSchedule.Parse(zone, new Dictionary<DayOfWeek, string?>(), []).TimeZone.Id);

    [Fact]
    public void An_unknown_time_zone_fails_with_a_message_naming_it()
    {
        var error = Assert.Throws<FormatException>(() => BusinessSchedule.Parse("Mars/Olympus_Mons", new Dictionary<DayOfWeek, string?>(), []));
        Assert.StartsWith("Sla:TimeZone \"Mars/Olympus_Mons\" is not a known IANA time zone", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Holidays_are_local_dates_without_business_time()
    {
        var schedule = ParseMonday("09:00-17:00", "2006-01-02", "2006-12-25");
        Assert.Contains(new DateOnly(2006, 12, 25), schedule.Holidays);
        Assert.False(schedule.IsBusinessDay(new DateOnly(2006, 1, 2)));
        Assert.True(schedule.IsBusinessDay(new DateOnly(2006, 1, 9)));
    }

    [Theory]
    [InlineData("2006-13-01")]
    [InlineData("25.12.2006")]
    [InlineData("2006-1-2")]
    [InlineData("")]
    public void Invalid_holidays_fail_with_a_message_naming_the_text(string holiday)
    {
        var error = Assert.Throws<FormatException>(() => ParseMonday("09:00-17:00", holiday));
        Assert.StartsWith($"Sla:Holidays \"{holiday}\" is not a date in yyyy-MM-dd form", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_week_without_hours_is_detectable_before_use()
    {
        var hours = Enum.GetValues<DayOfWeek>().ToDictionary(d => d, _ => (string?)"closed");
        Assert.False(BusinessSchedule.Parse("UTC", hours, []).HasBusinessTime);
        Assert.True(BusinessSchedule.Default.HasBusinessTime);
    }

    [Fact]
    public void The_constructor_rejects_overlapping_intervals()
    {
        var nine = new TimeOnly(9, 0);
        var hours = new Dictionary<DayOfWeek, IReadOnlyList<BusinessInterval>>
        {
            [DayOfWeek.Monday] = [new(nine, TimeSpan.FromHours(12)), new(new TimeOnly(11, 0), TimeSpan.FromHours(13))],
        };
        Assert.Throws<ArgumentException>(() => new BusinessSchedule(TimeZoneInfo.Utc, hours));
        Assert.Throws<ArgumentOutOfRangeException>(() => new BusinessInterval(nine, TimeSpan.FromHours(9)));
    }
}
