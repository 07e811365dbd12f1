using System.Text.Json.Nodes;
using SupportBot.Tests.Infrastructure;

namespace SupportBot.Tests.Threads;

public sealed class ChannelEventTests : IDisposable
{
    private readonly SupportBotApp _app = new();

    public void Dispose()
    {
        _app.Dispose();
        _app.DeleteDatabase();
    }

    private static JsonObject Mention(string channel, string? threadTs = null)
    {
        var mention = ThreadEvents.Message(channel, TestSettings.Customer, $"<@{ThreadEvents.BotUser}> how do I get help?", threadTs);
        mention["type"] = "app_mention";
        return mention;
    }

    private static JsonObject Joined(string user, string channel) => new()
    {
        ["type"] = "member_joined_channel", ["user"] = user, ["channel"] = channel, ["channel_type"] = "C", ["team"] = "T1",
    };

    private IReadOnlyList<SlackCall> ButtonPosts() =>
        _app.Slack.Find("chat.postMessage", c => c.Args.ToJsonString().Contains("open_request_form", StringComparison.Ordinal));

    [Fact]
    public async Task A_mention_in_a_customer_channel_answers_with_the_request_button_in_its_thread()
    {
        await _app.SendAsync(Mention("C_RANDOM"));
        var mention = Mention(TestSettings.CustomerChannel);

        await _app.SendAsync(mention);

        var posts = await _app.Slack.WaitForAsync("chat.postMessage", c => c.Args.ToJsonString().Contains("open_request_form", StringComparison.Ordinal));
        var post = Assert.Single(posts);
        Assert.Equal(TestSettings.CustomerChannel, post.Channel);
        Assert.Equal(mention["ts"]!.GetValue<string>(), post.ThreadTs);
    }

    [Fact]
    public async Task A_mention_inside_a_thread_is_answered_in_that_thread()
    {
        var thread = ThreadEvents.NextTs();

        await _app.SendAsync(Mention(TestSettings.CustomerChannel, thread));

        var posts = await _app.Slack.WaitForAsync("chat.postMessage", c => c.Args.ToJsonString().Contains("open_request_form", StringComparison.Ordinal));
        Assert.Equal(thread, Assert.Single(posts).ThreadTs);
    }

    [Fact]
    public async Task The_bot_joining_a_customer_channel_posts_the_request_button_there()
    {
        await _app.SendAsync(Joined(TestSettings.Customer, TestSettings.CustomerChannel));
        await _app.SendAsync(Joined(ThreadEvents.BotUser, "C_RANDOM"));
        await _app.SendAsync(Joined(ThreadEvents.BotUser, TestSettings.CustomerChannel));

        await _app.Slack.WaitForAsync("chat.postMessage", c => c.Args.ToJsonString().Contains("open_request_form", StringComparison.Ordinal));
        var post = Assert.Single(ButtonPosts());
        Assert.Equal(TestSettings.CustomerChannel, post.Channel);
        Assert.Null(post.ThreadTs);
    }
}
