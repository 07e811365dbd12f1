using SupportBot.LiteDb;
using SupportBot.Outbox;
using SupportBot.Slack.Blocks;
using SupportBot.Slack.DeadLetters;
using SupportBot.Storage;
using SupportBot.Tests.Faults;
using SupportBot.Tests.Infrastructure;
using SupportBot.Tests.Threads;

namespace SupportBot.Tests.Cli;

/// <summary>
/// <c>outbox</c> and <c>deadletters</c> as separate processes while the bot runs on the same LiteDB file: the bot
/// holds the file, so the command asks it (a request file beside the data file), the bot runs the verb in one of
/// its writes and wakes its outbox and event processor, and the command prints the bot's answer.
/// </summary>
public sealed class StoreVerbsThroughTheBotTests : AppTest
{
    private long SetAside(string channel, string text) => App.Get<IStoreGate>().Write(s =>
    {
        var message = OutboxMessages.Post(channel, new SlackMessage(text));
        message.Failed = true;
        message.Cause = OutboxCauses.Channel(channel);
        message.LastError = "not_in_channel";
        OutboxStore.Enqueue(s, message, App.Time.GetUtcNow().UtcDateTime);
        return message.Id;
    });

    [Fact]
    public async Task Outbox_retry_all_from_another_process_is_run_by_the_bot_and_delivered_at_once()
    {
        var id = SetAside(TestSettings.CustomerChannel, "The fix is deployed.");

        var list = await AppProcess.RunToExitAsync(App.DbPath, args: ["outbox", "list"]);
        var retry = await AppProcess.RunToExitAsync(App.DbPath, args: ["outbox", "retry", "all"]);

        Assert.True(list.ExitCode == 0, list.Output);
        Assert.Contains($"#{id} chat.postMessage to {TestSettings.CustomerChannel}", list.Output, StringComparison.Ordinal);
        Assert.True(retry.ExitCode == 0, retry.Output);
        Assert.Contains("1 message(s) back in the outbox; the running bot delivers at once", retry.Output, StringComparison.Ordinal);
        // the fake clock stands still: only the bot's wake-up after the verb sends it
        var posts = await Slack.WaitForAsync("chat.postMessage", c => c.Channel == TestSettings.CustomerChannel && c.Text == "The fix is deployed.");
        Assert.Single(posts);
        Assert.Empty(App.Get<OutboxStore>().FailedMessages());
        Assert.Empty(Directory.GetFiles(Path.GetDirectoryName(App.DbPath)!, Path.GetFileName(App.DbPath) + ".request-*"));
        Assert.Empty(Directory.GetFiles(Path.GetDirectoryName(App.DbPath)!, Path.GetFileName(App.DbPath) + ".answer-*"));
    }

    [Fact]
    public async Task Deadletters_retry_from_another_process_is_run_by_the_bot_and_the_event_handled_at_once()
    {
        var mention = ThreadEvents.Message(TestSettings.CustomerChannel, TestSettings.Customer, $"<@{ThreadEvents.BotUser}> help please");
        mention["type"] = "app_mention";
        var ts = mention["ts"]!.GetValue<string>();
        App.Get<IStoreGate>().Write(s => s.DeadLetters.Insert(new DeadLetter
        {
            Kind = DeadLetterKind.Event, SourceId = "EvDEAD01", Type = "app_mention", Json = mention.ToJsonString(), Reason = "boom",
            At = App.Time.GetUtcNow().UtcDateTime,
        }));

        var retry = await AppProcess.RunToExitAsync(App.DbPath, args: ["deadletters", "retry", "all"]);
        var wrong = await AppProcess.RunToExitAsync(App.DbPath, args: ["outbox", "retry", "4242"]);

        Assert.True(retry.ExitCode == 0, retry.Output);
        Assert.Contains("(event EvDEAD01) is back in the inbox; the running bot handles it right away", retry.Output, StringComparison.Ordinal);
        Assert.NotEmpty(await Slack.WaitForAsync("chat.postMessage", c => c.ThreadTs == ts));
        Assert.Empty(App.Get<IStoreGate>().Read(s => s.DeadLetters.All()));
        Assert.Equal(1, wrong.ExitCode);
        Assert.Contains("No set-aside message #4242", wrong.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bot_that_does_not_answer_leaves_no_request_behind()
    {
        var dataFile = Path.Combine(Path.GetTempPath(), $"supportbot-noanswer-{Guid.NewGuid():N}.db");

        var answer = StoreRequests.Ask(dataFile, "outbox", ["list"], TimeSpan.FromMilliseconds(300));

        Assert.Null(answer);
        Assert.Empty(Directory.GetFiles(Path.GetTempPath(), Path.GetFileName(dataFile) + ".*"));
    }
}
