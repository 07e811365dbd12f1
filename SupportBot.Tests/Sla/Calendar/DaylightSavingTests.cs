using SupportBot.Sla.Calendar;
using static SupportBot.Tests.Sla.Calendar.Schedules;

namespace SupportBot.Tests.Sla.Calendar;

/// <summary>
/// Los Angeles springs forward on 2006-04-02 (02:00 PST becomes 03:00 PDT, 10:00Z);
/// New York falls back on 2015-11-01 (02:00 EDT becomes 01:00 EST, 06:00Z).
/// </summary>
public class DaylightSavingTests
{
    private const string LosAngeles = "America/Los_Angeles";
    private const string NewYork = "America/New_York";

    [Fact]
    public void The_spring_forward_day_has_23_business_hours_on_an_all_day_schedule()
    {
        var calendar = new BusinessCalendar(Daily(LosAngeles, "00:00-24:00"));
        Assert.Equal(TimeSpan.FromHours(23),
            calendar.Elapsed(Local(LosAngeles, "2006-04-02 00:00"), Local(LosAngeles, "2006-04-03 00:00")));
    }

    [Fact]
    public void The_fall_back_day_has_25_business_hours_on_an_all_day_schedule()
    {
        var calendar = new BusinessCalendar(Daily(NewYork, "00:00-24:00"));
        Assert.Equal(TimeSpan.FromHours(25),
            calendar.Elapsed(Local(NewYork, "2015-11-01 00:00"), Local(NewYork, "2015-11-02 00:00")));
    }

    [Fact]
    public void Adding_a_day_of_all_day_time_over_spring_forward_lands_an_hour_later_on_the_wall_clock()
    {
        var calendar = new BusinessCalendar(Daily(LosAngeles, "00:00-24:00"));
        var result = calendar.Add(Local(LosAngeles, "2006-04-01 12:00"), TimeSpan.FromHours(24));
        Assert.Equal(Local(LosAngeles, "2006-04-02 13:00"), result);
        Assert.Equal(TimeSpan.FromHours(-7), result.Offset);
    }

    [Fact]
    public void The_repeated_fall_back_hour_counts_twice_when_within_hours()
    {
        var calendar = new BusinessCalendar(OnlyOn(NewYork, DayOfWeek.Sunday, "01:00-03:00"));
        var day = (Local(NewYork, "2015-11-01 00:00"), Local(NewYork, "2015-11-02 00:00"));
        Assert.Equal(TimeSpan.FromHours(3), calendar.Elapsed(day.Item1, day.Item2));
        // 01:00 EDT (05:00Z) plus two real hours is 02:00 EST (07:00Z); the interval ends at 03:00 EST.
        Assert.Equal(Utc("2015-11-01 07:00"), calendar.Add(day.Item1, TimeSpan.FromHours(2)));
        Assert.Equal(Utc("2015-11-01 08:00"), calendar.Add(day.Item1, TimeSpan.FromHours(3)));
    }

    [Fact]
    public void An_interval_inside_the_repeated_hour_counts_both_occurrences()
    {
        var calendar = new BusinessCalendar(OnlyOn(NewYork, DayOfWeek.Sunday, "01:15-01:45"));
        Assert.Equal(TimeSpan.FromHours(1),
            calendar.Elapsed(Local(NewYork, "2015-11-01 00:00"), Local(NewYork, "2015-11-02 00:00")));
        // After the first occurrence (05:15Z-05:45Z) the next business time is the second one (06:15Z).
        Assert.Equal(Utc("2015-11-01 06:15"), calendar.Add(Utc("2015-11-01 05:45"), TimeSpan.Zero));
    }

    [Fact]
    public void Intervals_meeting_inside_the_repeated_hour_count_each_instant_once()
    {
        var calendar = new BusinessCalendar(OnlyOn(NewYork, DayOfWeek.Sunday, "00:00-01:30, 01:30-03:00"));
        Assert.Equal(TimeSpan.FromHours(4),
            calendar.Elapsed(Local(NewYork, "2015-11-01 00:00"), Local(NewYork, "2015-11-02 00:00")));
    }

    [Fact]
    public void Weekday_hours_across_the_spring_forward_weekend_resume_Monday_at_local_opening()
    {
        var calendar = new BusinessCalendar(BusinessSchedule.Parse(LosAngeles, new Dictionary<DayOfWeek, string?>(), []));
        var result = calendar.Add(Local(LosAngeles, "2006-03-31 16:00"), TimeSpan.FromHours(2));
        Assert.Equal(Local(LosAngeles, "2006-04-03 10:00"), result);
        Assert.Equal(TimeSpan.FromHours(16), calendar.Elapsed(Local(LosAngeles, "2006-03-31 00:00"), result.AddHours(7)));
    }

    [Fact]
    public void An_interval_starting_in_the_spring_forward_gap_starts_when_the_gap_ends()
    {
        var calendar = new BusinessCalendar(OnlyOn(LosAngeles, DayOfWeek.Sunday, "02:30-04:00"));
        Assert.Equal(Utc("2006-04-02 10:00"), calendar.Add(Local(LosAngeles, "2006-04-02 00:00"), TimeSpan.Zero));
        Assert.Equal(TimeSpan.FromHours(1),
            calendar.Elapsed(Local(LosAngeles, "2006-04-02 00:00"), Local(LosAngeles, "2006-04-03 00:00")));
    }

    [Fact]
    public void An_interval_entirely_in_the_spring_forward_gap_has_no_business_time_that_day()
    {
        var calendar = new BusinessCalendar(OnlyOn(LosAngeles, DayOfWeek.Sunday, "02:00-03:00"));
        // The next Sunday's 02:00 PDT is 09:00Z.
        Assert.Equal(Utc("2006-04-09 09:00"), calendar.Add(Local(LosAngeles, "2006-04-01 12:00"), TimeSpan.Zero));
    }

    [Fact]
    public void Business_days_landing_in_the_gap_move_to_the_end_of_the_gap()
    {
        var calendar = new BusinessCalendar(Daily(LosAngeles, "00:00-24:00"));
        Assert.Equal(Utc("2006-04-02 10:00"), calendar.AddBusinessDays(Local(LosAngeles, "2006-04-01 02:30"), 1));
    }

    [Fact]
    public void Business_days_landing_in_the_repeated_hour_take_its_first_occurrence()
    {
        var calendar = new BusinessCalendar(Daily(NewYork, "00:00-24:00"));
        Assert.Equal(Utc("2015-11-01 05:30"), calendar.AddBusinessDays(Local(NewYork, "2015-10-31 01:30"), 1));
    }
}
