using SupportBot.Outbox;
using SupportBot.Slack.Events;
using SupportBot.Tests.Infrastructure;
using SupportBot.Tests.Threads;

namespace SupportBot.Tests.Faults;

/// <summary>
/// Slack delivers at least once: events come again with <c>X-Slack-Retry-Num</c>, and an interaction can arrive
/// twice (a double click, a retrying proxy). A repeat never makes a second ticket or a second accountability reply.
/// </summary>
public sealed class DuplicateDeliveryTests : AppTest
{
    private const string ResponseUrl = "https://hooks.slack.test/actions/take/dup";

    private IReadOnlyList<SlackCall> Posts(string text, string channel) =>
        Slack.Find("chat.postMessage", c => c.Channel == channel && c.Text.Contains(text, StringComparison.Ordinal));

    private IReadOnlyList<SlackCall> AccountabilityReplies() => Posts("will help you", TestSettings.CustomerChannel);

    private async Task DrainedAsync()
    {
        var outbox = App.Get<OutboxStore>();
        var inbox = App.Get<SlackEventInbox>();
        Assert.True(await Eventually.TrueAsync(() => inbox.Unprocessed(1).Count == 0 && outbox.CountPending() == 0), "events or messages left over");
    }

    [Fact]
    public async Task The_same_form_submission_twice_or_at_once_makes_one_ticket()
    {
        var submission = FaultFlows.Submission("Submitted twice");
        await App.SubmitAsync(submission);
        await App.SubmitAsync(submission);
        var racing = FaultFlows.Submission("Submitted four times at once");
        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => App.SubmitAsync(racing)));
        await DrainedAsync();

        Assert.Equal(2, Tickets.Count());
        foreach (var subject in new[] { "Submitted twice", "Submitted four times at once" })
        {
            Assert.Single(Posts(subject, TestSettings.SupportChannel));
            Assert.Single(Posts(subject, TestSettings.CustomerChannel));
        }
    }

    [Fact]
    public async Task Two_forms_with_the_same_words_are_two_tickets()
    {
        await App.SubmitAsync(FaultFlows.Submission("Same words"));
        await App.SubmitAsync(FaultFlows.Submission("Same words"));

        Assert.Equal(2, Tickets.Count());
    }

    [Fact]
    public async Task The_take_button_pressed_twice_and_take_sent_twice_post_one_accountability_reply()
    {
        await App.SubmitAsync(FaultFlows.Submission("Taken by button"));
        await App.SubmitAsync(FaultFlows.Submission("Taken by command"));
        var press = Flows.ButtonPayload("take_ticket", "1", TestSettings.Engineer, TestSettings.SupportChannel, ResponseUrl);

        await Requests.InteractAsync(press);
        await Requests.InteractAsync(press);
        var commands = await Task.WhenAll(CommandAsync("/take", "2"), CommandAsync("/take", "2"));
        await DrainedAsync();

        Assert.Equal(2, AccountabilityReplies().Count);
        Assert.Single(AccountabilityReplies(), r => r.ThreadTs == Ticket(1).ThreadTs);
        Assert.Single(AccountabilityReplies(), r => r.ThreadTs == Ticket(2).ThreadTs);
        Assert.Contains(Slack.Find("response_url"), a => a.Text.Contains("#1 is already yours", StringComparison.Ordinal));
        Assert.Single(commands, a => a.Text.Contains("#2 is already yours", StringComparison.Ordinal));
        Assert.Single(Ticket(1).History, h => h.What == "Took the ticket");
    }

    [Fact]
    public async Task Retried_events_make_one_ticket_and_the_take_after_them_one_reply()
    {
        var post = ThreadEvents.Message(TestSettings.HelpChannel, "U_COMMUNITY", "Webhooks stopped firing");
        for (var retry = 0; retry <= 2; retry++)
            (await App.SendAsync(post, "EvDUPHELP1", retry == 0 ? null : retry)).EnsureSuccessStatusCode();
        var ts = ThreadEvents.NextTs();
        Slack.Workspace.AddMessage(TestSettings.CustomerChannel, ts, TestSettings.Customer, "Exports are empty");
        var reaction = ThreadEvents.Reaction(TestSettings.Engineer, TestSettings.CustomerChannel, ts);
        for (var retry = 0; retry <= 2; retry++)
            await App.SendAsync(reaction, "EvDUPREACT1", retry == 0 ? null : retry);
        await DrainedAsync();
        await CommandAsync("/take", "2");
        await CommandAsync("/take", "2");

        // Slack gave up waiting and retried once more, after the ticket was taken
        await App.SendAsync(reaction, "EvDUPREACT1", 3);
        await App.SendAsync(post, "EvDUPHELP1", 3);
        await DrainedAsync();

        Assert.Equal(2, Tickets.Count());
        Assert.Single(Posts("#1", TestSettings.HelpChannel));
        Assert.Single(Posts("#2", TestSettings.CustomerChannel), p => p.Text.Contains("I opened ticket", StringComparison.Ordinal));
        Assert.Single(AccountabilityReplies());
    }
}
