using SupportBot.Outbox;
using SupportBot.Tests.Infrastructure;

namespace SupportBot.Tests.Outbox;

/// <summary>
/// A message the outbox gives up on (<c>Outbox:MaxAttempts</c>) leaves its lane like one Slack refused: the team's
/// notice goes out at once, and the message set aside is not tried again.
/// </summary>
public sealed class GiveUpTests() : AppTest(new() { ["Outbox:MaxAttempts"] = "2" })
{
    private int ConfirmationTries => Slack.Calls
        .Count(c => c.Method == "chat.postMessage" && c.Channel == TestSettings.CustomerChannel);

    [Fact]
    public async Task A_message_given_up_is_told_at_once_and_not_tried_again()
    {
        Slack.Unreachable("chat.postMessage", count: 50, where: FakeSlackApi.InChannel(TestSettings.CustomerChannel));
        var number = App.Get<SupportBot.Tickets.Intake.TicketIntake>().Create(new SupportBot.Tickets.Intake.TicketDraft(
            "Given up", "details", SupportBot.Tickets.Priority.Normal, TestSettings.Customer, TestSettings.CustomerChannel,
            SupportBot.Tickets.TicketSource.RequestForm)).Number;
        Assert.True(await Eventually.TrueAsync(() => ConfirmationTries == 1 && Tickets.Find(number)?.TriageTs is not null));

        App.Time.Advance(TimeSpan.FromSeconds(1)); // the second and last attempt
        Assert.True(await Eventually.TrueAsync(() => App.Get<OutboxStore>().FailedMessages().Count == 1));
        // the clock stands still: the notice does not wait for the given-up message's next (never) attempt
        var notice = Assert.Single(await Slack.WaitForAsync("chat.postMessage",
            c => c.ThreadTs == Tickets.Find(number)!.TriageTs && c.Text.Contains("Not delivered", StringComparison.Ordinal)));
        Assert.Contains("Slack did not take it after many tries", notice.Text, StringComparison.Ordinal);

        App.Time.Advance(TimeSpan.FromMinutes(10));
        await Task.Delay(300);
        Assert.Equal(2, ConfirmationTries);
    }
}
