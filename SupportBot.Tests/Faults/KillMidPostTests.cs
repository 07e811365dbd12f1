using System.Diagnostics;
using System.Text.Json.Nodes;
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
            Assert.True(await Eventually.TrueAsync(() => slack.Posts(TestSettings.CustomerChannel).Count == 1, 60_000), first.Output);
            var confirmation = slack.Posts(TestSettings.CustomerChannel)[0];

            // no wait for the confirmation's ts to be committed: the reply shares its lane, so it goes after that
            slack.PostDelay = TimeSpan.FromSeconds(30);
            await requests.CommandAsync("/take", "1", TestSettings.Engineer);
            Assert.True(await Eventually.TrueAsync(() => Replies(slack) == 1, 60_000), "the reply never reached Slack\n" + first.Output);
            Assert.Equal(confirmation.AnswerTs, slack.Posts(TestSettings.CustomerChannel).Single(IsReply).ThreadTs); // in the ticket's thread
            await first.KillHardAsync();
        }
        slack.PostDelay = TimeSpan.Zero;

        using var second = await AppProcess.StartAsync(DbPath, slack.ApiUrl, Settings);
        // the reply is retired either way, found or posted again: once the outbox owes nothing, the outcome is final
        Assert.True(await OwesNothingAsync(second, 60_000), "the restarted bot never retired the reply\n" + second.Output);

        Assert.Equal(1, Replies(slack));
        Assert.True(LookedUp(slack));
        output.WriteLine($"one reply after a kill mid-post; {slack.Calls.Count} Slack calls; {clock.ElapsedMilliseconds} ms");
    }

    /// <summary>The process's outbox is empty, as its /health counts it (not counted while the store is busy).</summary>
    private static async Task<bool> OwesNothingAsync(AppProcess app, int timeoutMs)
    {
        using var http = app.Client();
        var deadline = Environment.TickCount64 + timeoutMs;
        while (Environment.TickCount64 < deadline)
        {
            using var response = await http.GetAsync(new Uri("/health", UriKind.Relative));
            var health = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
            if (health["checks"]?["outbox"]?["data"]?["pending"]?.GetValue<int>() == 0)
                return true;
            await Task.Delay(100);
        }
        return false;
    }

    private static bool LookedUp(LoopbackSlack slack) => slack.Calls.Any(c => c.Method == "conversations.replies");

    private static int Replies(LoopbackSlack slack) => slack.Posts(TestSettings.CustomerChannel).Count(IsReply);

    private static bool IsReply(SlackCall post) => post.Text.Contains("will help you", StringComparison.Ordinal);
}
