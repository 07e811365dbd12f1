using Microsoft.Extensions.Options;
using SupportBot.Sla;
using SupportBot.Tickets;

namespace SupportBot.Tests.Sla;

/// <summary>Due times on the default schedule: UTC, Mon–Fri 09:00–17:00.</summary>
public sealed class FirstResponseDueTests
{
    private static readonly DateTime Monday16 = new(2025, 1, 6, 16, 0, 0, DateTimeKind.Utc);

    private static FirstResponseClock Clock(SlaOptions? options = null)
    {
        var policy = new SlaPolicy(Options.Create(options ?? new SlaOptions()));
        return new(policy, new SlaClocks(policy));
    }

    private static Ticket Stamped(Priority priority, string? tier = null, SlaOptions? options = null)
    {
        var ticket = new Ticket { Priority = priority, Tier = tier, CreatedAt = Monday16 };
        Clock(options).Stamp(ticket, Monday16);
        return ticket;
    }

    [Theory]
    [InlineData(Priority.Urgent, "2025-01-06T16:30:00")]
    [InlineData(Priority.High, "2025-01-06T17:00:00")] // exactly fills the day: its end, not Tuesday 09:00
    [InlineData(Priority.Normal, "2025-01-07T10:00:00")]
    [InlineData(Priority.Low, "2025-01-07T16:00:00")]
    public void Due_time_is_the_priority_target_in_business_hours_after_creation(Priority priority, string expected)
    {
        var ticket = Stamped(priority);

        Assert.Equal(DateTime.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), ticket.FirstResponseDueAt);
        Assert.Equal(ticket.Sla.AtRiskAt, ticket.Sla.NextCheckAt);
    }

    [Fact]
    public void Friday_afternoon_ticket_is_due_on_monday()
    {
        var friday = new DateTime(2025, 1, 10, 16, 30, 0, DateTimeKind.Utc);
        var ticket = new Ticket { Priority = Priority.Normal, CreatedAt = friday };

        Clock().Stamp(ticket, friday);

        Assert.Equal(new DateTime(2025, 1, 13, 10, 30, 0, DateTimeKind.Utc), ticket.FirstResponseDueAt);
    }

    [Fact]
    public void Tier_override_replaces_the_default_target_for_that_priority_only()
    {
        var options = new SlaOptions();
        options.Tiers["Enterprise"] = new SlaTier { FirstResponse = new TierFirstResponse { Normal = TimeSpan.FromMinutes(15) } };

        Assert.Equal(Monday16.AddMinutes(15), Stamped(Priority.Normal, "enterprise", options).FirstResponseDueAt);
        Assert.Equal(Monday16.AddMinutes(30), Stamped(Priority.Urgent, "Enterprise", options).FirstResponseDueAt);
        Assert.Equal(new DateTime(2025, 1, 7, 10, 0, 0, DateTimeKind.Utc), Stamped(Priority.Normal, "Startup", options).FirstResponseDueAt);
    }

    [Fact]
    public void At_risk_instant_is_the_configured_fraction_of_the_target()
    {
        var ticket = Stamped(Priority.Normal, options: new SlaOptions { AtRisk = 0.5 });

        Assert.Equal(new DateTime(2025, 1, 6, 17, 0, 0, DateTimeKind.Utc), ticket.Sla.AtRiskAt); // 1 h of business time after Mon 16:00 ends the day
        Assert.Equal(TimeSpan.FromHours(2), ticket.Sla.Target);
    }

    [Fact]
    public void Priority_change_recomputes_the_due_time_and_forgets_warnings_about_the_old_one()
    {
        var clock = Clock();
        var ticket = Stamped(Priority.Urgent);
        var late = Monday16.AddMinutes(31);
        Assert.Equal(SlaNoticeKind.Breach, clock.Advance(ticket, late));

        ticket.Priority = Priority.Low;
        Assert.Equal(SlaNoticeKind.None, clock.Advance(ticket, late));

        Assert.Equal(new DateTime(2025, 1, 7, 16, 0, 0, DateTimeKind.Utc), ticket.FirstResponseDueAt);
        Assert.Null(ticket.Sla.BreachSentAt);
        Assert.Equal(Priority.Low, ticket.Sla.TargetPriority);
        Assert.Equal(ticket.Sla.AtRiskAt, ticket.Sla.NextCheckAt);
    }

    [Fact]
    public void First_response_stops_the_clock()
    {
        var clock = Clock();
        var ticket = Stamped(Priority.Normal);
        ticket.FirstResponseAt = Monday16.AddMinutes(5);

        Assert.Equal(SlaNoticeKind.None, clock.Advance(ticket, Monday16.AddDays(2)));
        Assert.Null(ticket.Sla.NextCheckAt);
    }
}
