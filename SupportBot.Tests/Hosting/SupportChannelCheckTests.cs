using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using SupportBot.Tests.Infrastructure;

namespace SupportBot.Tests.Hosting;

/// <summary>
/// At start the bot asks Slack (<c>conversations.info</c>) whether it can post to <c>Slack:SupportChannel</c>; when
/// it cannot, the log and /health say which channel and what to do, while the rest of the bot keeps working.
/// </summary>
public sealed class SupportChannelCheckTests : AppTest
{
    private const string Check = "slack-support-channel";

    /// <summary>/health once its support-channel entry has <paramref name="status"/> (bounded: the check runs in the background).</summary>
    private async Task<(HttpStatusCode Status, JsonNode Entry)> HealthWhenAsync(string status)
    {
        using var client = App.CreateClient();
        var deadline = Environment.TickCount64 + 5000;
        while (true)
        {
            using var response = await client.GetAsync(new Uri("/health", UriKind.Relative));
            var entry = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["checks"]![Check]!;
            if (entry["status"]!.GetValue<string>() == status || Environment.TickCount64 > deadline)
                return (response.StatusCode, entry);
            await Task.Delay(20);
        }
    }

    [Fact]
    public async Task The_support_channel_is_checked_at_start_with_the_bot_token()
    {
        var (_, entry) = await HealthWhenAsync("Healthy");

        var call = Assert.Single(await Slack.WaitForAsync("conversations.info"));
        Assert.Equal(TestSettings.SupportChannel, call.Channel);
        Assert.Equal($"Bearer {TestSettings.Token}", call.Authorization);
        Assert.Equal("Healthy", entry["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_bot_outside_the_support_channel_is_told_to_be_invited_and_health_is_degraded()
    {
        Slack.NotMemberOf.Add(TestSettings.SupportChannel);

        var (status, entry) = await HealthWhenAsync("Degraded");

        Assert.Equal(HttpStatusCode.OK, status); // degraded, not down: tickets still come in
        Assert.Equal("Degraded", entry["status"]!.GetValue<string>());
        var description = entry["description"]!.GetValue<string>();
        Assert.Contains($"Slack:SupportChannel {TestSettings.SupportChannel}", description, StringComparison.Ordinal);
        Assert.Contains("/invite @SupportBot", description, StringComparison.Ordinal);
        Assert.Contains(App.Logs.At(LogLevel.Warning), l => l.Contains("/invite @SupportBot", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_support_channel_slack_cannot_find_is_named_with_both_causes()
    {
        Slack.FailWithError("conversations.info", "channel_not_found");

        var (status, entry) = await HealthWhenAsync("Degraded");

        Assert.Equal(HttpStatusCode.OK, status);
        var description = entry["description"]!.GetValue<string>();
        Assert.Contains("channel_not_found", description, StringComparison.Ordinal);
        Assert.Contains(TestSettings.SupportChannel, description, StringComparison.Ordinal);
        Assert.Contains("private", description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Once_the_bot_is_invited_the_next_check_clears_the_warning()
    {
        Slack.NotMemberOf.Add(TestSettings.SupportChannel);
        await HealthWhenAsync("Degraded");

        Slack.NotMemberOf.Clear();
        var healthy = await App.AdvanceUntilAsync(() => Slack.Find("conversations.info").Count >= 2, TimeSpan.FromMinutes(1), maxSteps: 10);

        Assert.True(healthy, "the channel was not checked again");
        Assert.Equal("Healthy", (await HealthWhenAsync("Healthy")).Entry["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task Start_and_health_do_not_wait_for_slack_to_answer()
    {
        Slack.Hang("conversations.info");

        var (status, entry) = await HealthWhenAsync("Healthy");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("not checked", entry["description"]!.GetValue<string>(), StringComparison.Ordinal);
    }
}
