using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SupportBot.Outbox;
using SupportBot.Tests.Infrastructure;

namespace SupportBot.Tests.Faults;

/// <summary><c>Outbox:PerChannelInterval</c>: a second by default, zero turns pacing off, nonsense stops start-up.</summary>
public sealed class PacingSettingsTests
{
    [Fact]
    public void The_default_is_Slacks_one_message_per_second_per_channel() =>
        Assert.Equal(TimeSpan.FromSeconds(1), new OutboxOptions().PerChannelInterval);

    [Theory]
    [InlineData("00:00:00")]
    [InlineData("00:00:01.5")]
    public void Zero_and_short_intervals_are_accepted(string interval) => WithApp(interval, app =>
        Assert.Equal(TimeSpan.Parse(interval, CultureInfo.InvariantCulture), app.Get<IOptions<OutboxOptions>>().Value.PerChannelInterval));

    [Theory]
    [InlineData("-00:00:01")]
    [InlineData("00:05:00")]
    public void An_interval_out_of_range_stops_start_up_naming_the_key(string interval) => WithApp(interval, app =>
    {
        var error = Assert.Throws<OptionsValidationException>(app.Services.GetRequiredService<IStartupValidator>().Validate);
        Assert.Contains("Outbox:PerChannelInterval", error.Message, StringComparison.Ordinal);
    });

    private static void WithApp(string interval, Action<SupportBotApp> check)
    {
        var app = new SupportBotApp(new() { ["Outbox:PerChannelInterval"] = interval });
        try
        {
            check(app);
        }
        finally
        {
            app.Dispose();
            app.DeleteDatabase();
        }
    }
}
