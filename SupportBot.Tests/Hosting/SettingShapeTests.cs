using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SupportBot.Slack;
using SupportBot.Tests.Infrastructure;

namespace SupportBot.Tests.Hosting;

/// <summary>Ids and tokens of the wrong shape stop start-up with the key, the value and where to find the right one.</summary>
public sealed class SettingShapeTests
{
    private static string Problems(Dictionary<string, string?> settings) => StartupErrors.Failure(settings).Message;

    [Theory]
    [InlineData("Slack:SupportChannel", "#customer-support", "use the channel id (C… or G…)")]
    [InlineData("Slack:SupportTeam:0", "@alice", "use the member id (U…)")]
    [InlineData("Slack:HelpChannels:0", "help", "use the channel id")]
    [InlineData("Slack:SupportGroup", "@support", "user group id (S…)")]
    [InlineData("Slack:TicketEmoji", ":ticket:", "without colons")]
    [InlineData("Customers:0:Channels:0", "#acme", "use the channel id")]
    [InlineData("Customers:0:Ce", "@carol", "use the member id")]
    public void A_value_of_the_wrong_shape_is_refused_by_name(string key, string value, string hint)
    {
        var message = Problems(new() { [key] = value });

        Assert.Contains(key, message, StringComparison.Ordinal);
        Assert.Contains(value, message, StringComparison.Ordinal);
        Assert.Contains(hint, message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Slack:BotToken", "xoxp-user-token-1234", "xoxb-")]
    [InlineData("Slack:AppToken", "xoxb-not-an-app-token", "xapp-")]
    [InlineData("Slack:SigningSecret", "not-hex-at-all-zzzz", "hex signing secret")]
    public void A_secret_of_the_wrong_shape_is_refused_by_name_without_showing_it(string key, string value, string hint)
    {
        var message = Problems(new() { [key] = value });

        Assert.Contains(key, message, StringComparison.Ordinal);
        Assert.Contains(hint, message, StringComparison.Ordinal);
        Assert.DoesNotContain(value, message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_comma_separated_support_team_is_read_as_a_list()
    {
        using var app = new SupportBotApp(new() { ["Slack:SupportTeam:0"] = null, ["Slack:SupportTeam:1"] = null, ["Slack:SupportTeam"] = "U0AAA1, U0BBB2" });
        try
        {
            Assert.Equal(["U0AAA1", "U0BBB2"], app.Get<IOptions<SlackOptions>>().Value.SupportTeam);
        }
        finally
        {
            app.DeleteDatabase();
        }
    }

    [Fact]
    public void With_an_app_token_the_signing_secret_may_be_left_out()
    {
        using var app = new SupportBotApp(new() { ["Slack:SigningSecret"] = "", ["Slack:AppToken"] = "xapp-1-A1-test" });
        try
        {
            app.Services.GetRequiredService<IStartupValidator>().Validate();
            Assert.True(app.Get<IOptions<SlackOptions>>().Value.SocketMode);
        }
        finally
        {
            app.DeleteDatabase();
        }
    }

    [Fact]
    public void The_app_token_alias_is_read()
    {
        using var app = new SupportBotApp(new() { ["SLACK_APP_TOKEN"] = "xapp-1-alias" });
        try
        {
            Assert.Equal("xapp-1-alias", app.Get<IOptions<SlackOptions>>().Value.AppToken);
        }
        finally
        {
            app.DeleteDatabase();
        }
    }
}
