using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SupportBot.Slack;
using SupportBot.Tests.Infrastructure;

namespace SupportBot.Tests.Hosting;

/// <summary>Settings are checked when the app starts; a missing one stops it with a message naming the key.</summary>
public sealed class StartupTests
{
    [Theory]
    [InlineData("Slack:BotToken")]
    [InlineData("Slack:SigningSecret")]
    [InlineData("Slack:SupportChannel")]
    public void A_missing_required_setting_stops_start_up_naming_the_key(string key)
    {
        var error = StartupErrors.Failure(new() { [key] = "" });
        Assert.Contains(key, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_relative_api_base_url_stops_start_up_naming_the_key()
    {
        var error = StartupErrors.Failure(new() { ["Slack:ApiBaseUrl"] = "api/" });
        Assert.Contains("Slack:ApiBaseUrl", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bad_command_name_stops_start_up_naming_the_key()
    {
        var error = StartupErrors.Failure(new() { ["Slack:Commands:Take"] = "take" });
        Assert.Contains("Slack:Commands:Take", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("#technical-customer-collaboration")]
    [InlineData("U0123ABC")]
    [InlineData("c0123abc")]
    public void A_collaboration_channel_that_is_not_a_channel_id_stops_start_up_naming_the_key(string value)
    {
        var error = StartupErrors.Failure(new() { ["Slack:CollaborationChannel"] = value });
        Assert.Contains("Slack:CollaborationChannel", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_out_of_range_outbox_setting_stops_start_up_naming_the_key()
    {
        var error = StartupErrors.Failure(new() { ["Outbox:Concurrency"] = "0" });
        Assert.Contains("Outbox:Concurrency", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_customer_without_a_name_stops_start_up()
    {
        var error = StartupErrors.Failure(new() { ["Customers:0:Name"] = "" });
        Assert.Contains("Name", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Slacks_usual_variable_names_work_as_aliases()
    {
        using var app = new SupportBotApp(new()
        {
            ["Slack:BotToken"] = "",
            ["Slack:SigningSecret"] = "",
            ["SLACK_BOT_TOKEN"] = "xoxb-from-alias",
            ["SLACK_SIGNING_SECRET"] = TestSettings.Secret,
        });
        try
        {
            var options = app.Get<IOptions<SlackOptions>>().Value;
            Assert.Equal("xoxb-from-alias", options.BotToken);
            Assert.Equal(TestSettings.Secret, options.SigningSecret);

            var answer = await app.Requests.CommandAsync("/status", "setup", TestSettings.Engineer, TestSettings.CustomerChannel);
            Assert.Equal(HttpStatusCode.OK, answer.Status);
            var post = Assert.Single(await app.Slack.WaitForAsync("chat.postMessage"));
            Assert.Equal("Bearer xoxb-from-alias", post.Authorization);
        }
        finally
        {
            app.DeleteDatabase();
        }
    }

    [Fact]
    public void The_slack_section_wins_over_the_aliases()
    {
        using var app = new SupportBotApp(new() { ["SLACK_BOT_TOKEN"] = "xoxb-alias" });
        try
        {
            Assert.Equal(TestSettings.Token, app.Get<IOptions<SlackOptions>>().Value.BotToken);
        }
        finally
        {
            app.DeleteDatabase();
        }
    }
}
