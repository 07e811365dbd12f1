using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SupportBot.Sla;

namespace SupportBot.Tests.Sla;

public sealed class SlaOptionsTests
{
    private static SlaOptions Bind(Dictionary<string, string?> settings)
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var options = new SlaOptions();
        config.GetSection(SlaOptions.Section).Bind(options);
        return options;
    }

    [Fact]
    public void Defaults_match_the_issue_and_are_valid()
    {
        var o = new SlaOptions();

        Assert.Equal((TimeSpan.FromMinutes(30), TimeSpan.FromHours(1), TimeSpan.FromHours(2), TimeSpan.FromHours(8)),
            (o.FirstResponse.Urgent, o.FirstResponse.High, o.FirstResponse.Normal, o.FirstResponse.Low));
        Assert.Equal((0.75, TimeSpan.FromMinutes(30), 6, 2), (o.AtRisk, o.NagEvery, o.MaxNags, o.PendingFollowUps));
        Assert.Equal((TimeSpan.FromHours(48), TimeSpan.FromHours(72)), (o.PendingAutoSolveAfter, o.SolvedAutoCloseAfter));
        Assert.True(new SlaOptionsValidator().Validate(null, o).Succeeded);
    }

    [Fact]
    public void Seconds_long_timespans_and_tier_overrides_bind_from_configuration()
    {
        var o = Bind(new()
        {
            ["Sla:FirstResponse:Urgent"] = "00:00:03",
            ["Sla:NagEvery"] = "00:00:02",
            ["Sla:AtRisk"] = "0.5",
            ["Sla:PendingAutoSolveAfter"] = "2.00:00:00",
            ["Sla:Tiers:Enterprise:FirstResponse:High"] = "00:20:00",
            ["Sla:BusinessHours:monday"] = "00:00-24:00",
        });

        Assert.Equal(TimeSpan.FromSeconds(3), o.FirstResponse.Urgent);
        Assert.Equal(TimeSpan.FromSeconds(2), o.NagEvery);
        Assert.Equal(0.5, o.AtRisk);
        Assert.Equal(TimeSpan.FromDays(2), o.PendingAutoSolveAfter);
        Assert.Equal(TimeSpan.FromMinutes(20), o.Tiers["enterprise"].FirstResponse.High);
        Assert.Null(o.Tiers["Enterprise"].FirstResponse.Normal);
        Assert.Equal("00:00-24:00", o.BusinessHours["Monday"]);
    }

    [Theory]
    [InlineData("Sla:BusinessHours:Monday", "9-5", "Sla:BusinessHours:Monday")]
    [InlineData("Sla:BusinessHours:Funday", "09:00-17:00", "Sla:BusinessHours:Funday")]
    [InlineData("Sla:TimeZone", "Mars/Olympus", "Sla:TimeZone")]
    [InlineData("Sla:Holidays:0", "25/12/2025", "Sla:Holidays")]
    [InlineData("Sla:FirstResponse:High", "00:00:00", "Sla:FirstResponse:High")]
    [InlineData("Sla:Tiers:Gold:FirstResponse:Low", "-00:10:00", "Sla:Tiers:Gold:FirstResponse:Low")]
    [InlineData("Sla:AtRisk", "1.5", "Sla:AtRisk")]
    [InlineData("Sla:EscalateTo:0", "@support", "Sla:EscalateTo")]
    public void Invalid_setting_is_refused_with_a_message_naming_the_key(string key, string value, string named)
    {
        var result = new SlaOptionsValidator().Validate(null, Bind(new() { [key] = value }));

        Assert.True(result.Failed);
        Assert.Contains(named, result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void A_schedule_closed_every_day_is_refused()
    {
        var settings = Enum.GetNames<DayOfWeek>().ToDictionary(d => $"Sla:BusinessHours:{d}", _ => (string?)"closed");

        var result = new SlaOptionsValidator().Validate(null, Bind(settings));

        Assert.Contains("Sla:BusinessHours", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Startup_validation_refuses_invalid_business_hours_naming_the_key()
    {
        using var app = SlaApp.Create(new() { ["Sla:BusinessHours:Monday"] = "nine to five" });

        // what Program runs before the host starts (Health/StartupCheck)
        var error = Assert.Throws<OptionsValidationException>(() => app.Services.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains("Sla:BusinessHours:Monday", error.Message, StringComparison.Ordinal);
        app.DeleteDatabase();
    }

    [Fact]
    public void EscalateTo_accepts_a_single_group_id_and_mentions_it_as_a_subteam()
    {
        using var app = SlaApp.Create(new() { ["Sla:EscalateTo"] = "S0SUPPORT" });

        var options = app.Services.GetRequiredService<IOptions<SlaOptions>>().Value;

        Assert.Equal(["S0SUPPORT"], options.EscalateTo);
        Assert.Equal("<!subteam^S0SUPPORT> <@U_LEAD>", SlaMentions.Mention(["S0SUPPORT", "U_LEAD"]));
        app.DeleteDatabase();
    }
}
