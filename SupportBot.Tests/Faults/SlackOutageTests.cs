using System.Net;
using SupportBot.Outbox;
using SupportBot.Sla;
using SupportBot.Tests.Infrastructure;
using SupportBot.Tests.Sla;
using static SupportBot.Tests.Sla.SlaApp;

namespace SupportBot.Tests.Faults;

/// <summary>
/// Slack's Web API is down (connection refused, then 5xx) while tickets are created, taken and nagged. Short SLA
/// targets and sweeps run by hand on the fake clock; posts paced at Slack's one per second per channel.
/// </summary>
public sealed class SlackOutageTests : IDisposable
{
    private static readonly string[] Written = ["chat.postMessage", "chat.update"];

    private readonly SupportBotApp _app = Create(new()
    {
        ["Sla:FirstResponse:Normal"] = "00:10:00",
        ["Sla:NagEvery"] = "00:05:00",
        ["Sla:MaxNags"] = "2",
        ["Outbox:PerChannelInterval"] = "00:00:01",
        ["Outbox:MaxBackoff"] = "00:01:00",
    });

    public void Dispose() => SlaApp.Dispose(_app);

    private FakeSlackApi Slack => _app.Slack;

    [Fact]
    public async Task After_an_outage_every_owed_message_is_delivered_once_and_in_order()
    {
        _ = _app.Services;
        foreach (var method in Written)
        {
            Slack.Unreachable(method, count: 8);
            Slack.Fail(method, HttpStatusCode.ServiceUnavailable, count: 100_000);
        }

        await _app.SubmitAsync(FaultFlows.Submission("Outage search"));
        await _app.SubmitAsync(FaultFlows.Submission("Outage login"));
        await _app.SubmitAsync(FaultFlows.Submission("Outage export", threadTs: ShortcutThread));
        await _app.SubmitAsync(FaultFlows.Submission("Outage billing"));
        await _app.CommandAsync("/take", "1");
        await _app.CommandAsync("/take", "2");
        await _app.CommandAsync("/take", "2 force", TestSettings.Engineer2); // a DM to the one taken over from
        await _app.CommandAsync("/take", "3");
        await SweepEvery(TimeSpan.FromMinutes(5), times: 4); // breach at 10 min, then two nags each

        var owed = _app.Owed();
        Assert.Empty(Slack.Find("chat.postMessage")); // nothing got through the outage
        Assert.Contains(Slack.Calls, c => c.Faulted == "unreachable");
        Assert.Contains(Slack.Calls, c => c.Faulted == "503");
        Assert.Equal(4, owed.Count(m => FaultFlows.VisibleText(m).Contains("will help you", StringComparison.Ordinal)));
        Assert.Equal(12, owed.Count(m => FaultFlows.VisibleText(m).Contains("SLA", StringComparison.Ordinal)));

        Slack.Recover();
        _app.Time.Advance(TimeSpan.FromMinutes(1)); // past the longest backoff
        Assert.True(await _app.StepUntilAsync(() => _app.Get<OutboxStore>().CountPending() == 0, TimeSpan.FromSeconds(1), maxSteps: 120),
            $"{_app.Get<OutboxStore>().CountPending()} messages still owed after recovery");

        Assert.Empty(_app.Get<OutboxStore>().FailedMessages());
        EachChannelGotItsMessagesInOrder(owed);
        EachTicketThreadIsInOrder();
        NothingWasPostedTwice();
    }

    /// <summary>A customer message a "Create ticket" shortcut was used on: that ticket lives in its thread.</summary>
    private const string ShortcutThread = "1690000000.000100";

    private async Task SweepEvery(TimeSpan step, int times)
    {
        var sweep = _app.Get<SlaReminderSweep>();
        for (var i = 0; i < times; i++)
        {
            _app.Time.Advance(step);
            await _app.SettleAsync(); // the outbox retries into the outage meanwhile
            sweep.Run();
        }
    }

    /// <summary>Per channel, Slack received exactly what was owed, in the order it was owed.</summary>
    private void EachChannelGotItsMessagesInOrder(List<OutboxMessage> owed)
    {
        foreach (var lane in owed.GroupBy(m => m.Lane))
        {
            var expected = lane.Select(FaultFlows.VisibleText).ToList();
            var received = Slack.Calls.Where(c => c.Faulted is null && Written.Contains(c.Method) && c.Channel == lane.Key)
                .Select(c => c.Text).ToList();
            Assert.Equal(expected, received);
        }
    }

    /// <summary>Each ticket's confirmation starts (or joins) its thread, and the replies owed to it follow inside.</summary>
    private void EachTicketThreadIsInOrder()
    {
        var posts = Slack.Find("chat.postMessage", c => c.Channel == TestSettings.CustomerChannel).ToList();
        for (var number = 1; number <= 4; number++)
        {
            var ticket = _app.Ticket(number);
            var confirmation = Assert.Single(posts, p => p.Text.Contains($"ticket *#{number}*", StringComparison.Ordinal));
            var thread = number == 3 ? ShortcutThread : confirmation.AnswerTs;
            Assert.Equal(thread, ticket.ThreadTs);
            Assert.NotNull(ticket.TriageTs);
            if (number == 3)
                Assert.Equal(ShortcutThread, confirmation.ThreadTs);
            var replies = posts.Where(p => p.ThreadTs == thread && p != confirmation).ToList();
            Assert.All(replies, r => Assert.True(posts.IndexOf(r) > posts.IndexOf(confirmation), "a reply overtook the ticket's confirmation"));
            // #2 was taken, then taken over; #4 was never taken
            Assert.Equal(number switch { 2 => 2, 4 => 0, _ => 1 }, replies.Count);
        }
    }

    /// <summary>No (channel, thread, text) was posted twice: a retried message is delivered once.</summary>
    private void NothingWasPostedTwice()
    {
        var twice = Slack.Find("chat.postMessage").GroupBy(c => (c.Channel, c.ThreadTs, c.Text)).Where(g => g.Count() > 1).ToList();
        Assert.True(twice.Count == 0, "posted twice: " + string.Join("; ", twice.Select(g => g.Key.Text)));
    }
}
