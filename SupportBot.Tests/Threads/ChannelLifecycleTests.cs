using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;
using SupportBot.Outbox;
using SupportBot.Slack.Interactions;
using SupportBot.Tests.Infrastructure;

namespace SupportBot.Tests.Threads;

/// <summary>
/// Channels archived, deleted or left by the bot while tickets are open there: the team is told in #customer-support
/// which tickets and what to do; when the bot can post there again, what it owed there goes out.
/// </summary>
public sealed partial class ChannelLifecycleTests() : AppTest
{
    private static JsonObject ChannelEvent(string type, string channel, string? user = null)
    {
        var e = new JsonObject { ["type"] = type, ["channel"] = channel, ["event_ts"] = ThreadEvents.NextTs() };
        if (user is not null)
            e["user"] = user;
        return e;
    }

    private static JsonObject Membership(string type, string user, string channel) => new()
    {
        ["type"] = type, ["user"] = user, ["channel"] = channel, ["channel_type"] = "C", ["team"] = "T1", ["event_ts"] = ThreadEvents.NextTs(),
    };

    private IReadOnlyList<SlackCall> Told(string what) =>
        Slack.Find("chat.postMessage", c => c.Channel == TestSettings.SupportChannel && c.ThreadTs is null && c.Text.Contains(what, StringComparison.Ordinal));

    /// <summary>Every event before it is handled once a mention of the bot is answered (events are handled in order).</summary>
    private async Task SentinelAsync()
    {
        var mention = ThreadEvents.Message(TestSettings.CustomerChannel, TestSettings.Customer, $"<@{ThreadEvents.BotUser}> hi");
        mention["type"] = "app_mention";
        await App.SendAsync(mention);
        var ts = mention["ts"]!.GetValue<string>();
        Assert.NotEmpty(await Slack.WaitForAsync("chat.postMessage", c => c.ThreadTs == ts));
        // events are handled in order, so what the earlier ones owe is committed; other channels' lanes go on their
        // own, so wait until the outbox owes nothing
        Assert.True(await Eventually.TrueAsync(() => App.Get<SupportBot.Outbox.OutboxStore>().CountPending() == 0), "the outbox never emptied");
    }

    [Fact]
    public async Task Archiving_a_customer_channel_with_an_open_ticket_tells_the_team_which_ticket_and_what_to_do()
    {
        var number = await App.CreateTicketAsync("Exports fail with a 500");
        var card = await App.WaitForTicketAsync(number, t => t.TriageTs is not null);

        await App.SendAsync(ChannelEvent("channel_archive", TestSettings.CustomerChannel, TestSettings.Customer));

        var post = Assert.Single(await Slack.WaitForAsync("chat.postMessage",
            c => c.Channel == TestSettings.SupportChannel && c.Text.Contains("was archived", StringComparison.Ordinal)));
        Assert.Null(post.ThreadTs);
        Assert.Contains($"<#{TestSettings.CustomerChannel}> (Acme Corp) was archived", post.Text, StringComparison.Ordinal);
        var link = $"https://slack.com/archives/{TestSettings.SupportChannel}/p{card.TriageTs!.Replace(".", "", StringComparison.Ordinal)}";
        Assert.Contains($"• <{link}|#{N(number)}> Exports fail with a 500 (New)", post.Text, StringComparison.Ordinal);
        Assert.Contains("unarchive the channel", post.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_bot_removed_from_a_private_channel_is_told_once_though_slack_sends_two_events()
    {
        var number = await App.CreateTicketAsync("SSO loops");

        await App.SendAsync(Membership("member_left_channel", TestSettings.Customer, TestSettings.CustomerChannel));
        await App.SendAsync(Membership("member_left_channel", ThreadEvents.BotUser, TestSettings.CustomerChannel));
        await App.SendAsync(ChannelEvent("group_left", TestSettings.CustomerChannel));
        await SentinelAsync();

        var post = Assert.Single(Told("was removed from"));
        Assert.Contains($"SupportBot was removed from <#{TestSettings.CustomerChannel}> (Acme Corp)", post.Text, StringComparison.Ordinal);
        Assert.Contains($"#{N(number)}> SSO loops", post.Text, StringComparison.Ordinal);
        Assert.Contains($"`/invite @SupportBot` in <#{TestSettings.CustomerChannel}>", post.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_customer_channel_without_open_tickets_is_told_and_a_channel_of_nobody_is_ignored()
    {
        await App.SendAsync(ChannelEvent("channel_deleted", "C_RANDOM"));
        await App.SendAsync(ChannelEvent("group_archive", "G_PRIVATE"));
        await App.SendAsync(ChannelEvent("channel_deleted", TestSettings.CustomerChannel));
        await SentinelAsync();

        var post = Assert.Single(Slack.Find("chat.postMessage", c => c.Channel == TestSettings.SupportChannel));
        Assert.Contains($"<#{TestSettings.CustomerChannel}> (Acme Corp) was deleted. No open tickets live there.", post.Text, StringComparison.Ordinal);
        Assert.Contains("cannot be reached there any more", post.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Losing_the_support_channel_is_logged_as_an_error_since_nobody_can_be_told_in_slack()
    {
        await App.SendAsync(Membership("member_left_channel", ThreadEvents.BotUser, TestSettings.SupportChannel));
        await SentinelAsync();

        Assert.Empty(Slack.Find("chat.postMessage", c => c.Channel == TestSettings.SupportChannel));
        var error = App.Logs.At(LogLevel.Error).FirstOrDefault(e => e.Contains("is lost to the bot", StringComparison.Ordinal));
        Assert.NotNull(error);
        Assert.Contains($"support channel {TestSettings.SupportChannel} is lost to the bot (BotRemoved)", error, StringComparison.Ordinal);
        Assert.Contains("invite @SupportBot", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_bot_joining_again_delivers_what_was_set_aside_because_it_was_not_in_the_channel()
    {
        Slack.FailWithError("chat.postMessage", "not_in_channel", where: FakeSlackApi.InChannel(TestSettings.CustomerChannel));
        var number = await App.CreateTicketAsync("Webhooks missing");
        Assert.True(await Eventually.TrueAsync(() => App.Get<OutboxStore>().FailedMessages()
            .Any(m => m.Cause == OutboxCauses.Channel(TestSettings.CustomerChannel))), "the confirmation was not set aside");
        Assert.Empty(Slack.Find("chat.postMessage", c => c.Channel == TestSettings.CustomerChannel));

        await App.SendAsync(Membership("member_joined_channel", ThreadEvents.BotUser, TestSettings.CustomerChannel));

        var confirmation = await Slack.WaitForAsync("chat.postMessage",
            c => c.Channel == TestSettings.CustomerChannel && c.Text.Contains($"#{N(number)}", StringComparison.Ordinal));
        Assert.Single(confirmation);
        Assert.True(await Eventually.TrueAsync(() => App.Get<OutboxStore>().FailedMessages().Count == 0));
        Assert.Single(await Slack.WaitForAsync("chat.postMessage", c => c.Channel == TestSettings.SupportChannel
            && c.Text.Contains($"SupportBot can post in <#{TestSettings.CustomerChannel}> again: the 1 message(s)", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Unarchiving_a_channel_delivers_what_was_set_aside_because_it_was_archived()
    {
        Slack.FailWithError("chat.postMessage", "is_archived", where: FakeSlackApi.InChannel(TestSettings.CustomerChannel));
        var number = await App.CreateTicketAsync("Billing page blank");
        Assert.True(await Eventually.TrueAsync(() => App.Get<OutboxStore>().FailedMessages().Count > 0));

        await App.SendAsync(ChannelEvent("channel_unarchive", TestSettings.CustomerChannel, TestSettings.Customer));

        Assert.Single(await Slack.WaitForAsync("chat.postMessage",
            c => c.Channel == TestSettings.CustomerChannel && c.Text.Contains($"#{N(number)}", StringComparison.Ordinal)));
        Assert.True(await Eventually.TrueAsync(() => App.Get<OutboxStore>().FailedMessages().Count == 0));
    }

    [Fact]
    public void Both_manifests_subscribe_to_every_event_the_bot_handles()
    {
        var types = App.Get<IEnumerable<IEventHandler>>().Select(h => h.EventType).Where(t => t != "message").Distinct().ToList();
        Assert.Contains("channel_archive", types);
        var root = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(root, "slack-app-manifest.yml")))
            root = Path.GetDirectoryName(root) ?? throw new InvalidOperationException("no manifest above the test folder");
        foreach (var manifest in new[] { "slack-app-manifest.yml", "slack-app-manifest.socket.yml" })
        {
            var events = BotEvent().Matches(File.ReadAllText(Path.Combine(root, manifest))).Select(m => m.Groups[1].Value).ToHashSet();
            Assert.All(types, t => Assert.True(events.Contains(t), $"{manifest} does not subscribe to {t}"));
        }
    }

    [GeneratedRegex(@"^      - ([a-z_.]+)\s*$", RegexOptions.Multiline)]
    private static partial Regex BotEvent();
}
