using System.Diagnostics;
using SupportBot.Tests.Infrastructure;
using Xunit.Abstractions;

namespace SupportBot.Tests.Faults;

/// <summary>
/// SIGKILL while Slack is answering a post: the post reached Slack, the bot never heard back. After the restart the
/// bot finds its tagged message in the thread and does not post it again.
/// </summary>
public sealed class KillMidPostTests(ITestOutputHelper output) : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("supportbot-midpost-").FullName;
    private static readonly Dictionary<string, string> Settings = new() { ["Outbox__PerChannelInterval"] = "00:00:00" };

    private string DbPath => Path.Combine(_folder, "supportbot.db");

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task A_reply_slack_took_as_the_bot_was_killed_is_posted_once_after_the_restart()
    {
        var clock = Stopwatch.StartNew();
        await using var slack = await LoopbackSlack.StartAsync();
        using (var first = await AppProcess.StartAsync(DbPath, slack.ApiUrl, Settings))
        {
            using var http = first.Client();
            var requests = new SlackRequests(http, TestSettings.Secret, () => DateTimeOffset.UtcNow);
            (await requests.InteractAsync(FaultFlows.Submission("Killed mid-reply"))).EnsureSuccessStatusCode();
            Assert.True(await Eventually.TrueAsync(() => slack.Posts(TestSettings.CustomerChannel).Count == 1, 10_000), first.Output);
            await Task.Delay(500); // the confirmation's ts is committed as the ticket's thread

            slack.PostDelay = TimeSpan.FromSeconds(30);
            await requests.CommandAsync("/take", "1", TestSettings.Engineer);
            Assert.True(await Eventually.TrueAsync(() => Replies(slack) == 1, 10_000), "the reply never reached Slack\n" + first.Output);
            await first.KillHardAsync();
        }
        slack.PostDelay = TimeSpan.Zero;

        using var second = await AppProcess.StartAsync(DbPath, slack.ApiUrl, Settings);
        Assert.True(await Eventually.TrueAsync(() => LookedUp(slack) || Replies(slack) > 1, 10_000),
            "the restarted bot neither looked for the reply nor posted it\n" + second.Output);
        await Task.Delay(2000); // time enough for a second post, if one were coming

        Assert.Equal(1, Replies(slack));
        Assert.True(LookedUp(slack));
        output.WriteLine($"one reply after a kill mid-post; {slack.Calls.Count} Slack calls; {clock.ElapsedMilliseconds} ms");
    }

    private static bool LookedUp(LoopbackSlack slack) => slack.Calls.Any(c => c.Method == "conversations.replies");

    private static int Replies(LoopbackSlack slack) =>
        slack.Posts(TestSettings.CustomerChannel).Count(c => c.Text.Contains("will help you", StringComparison.Ordinal));
}
