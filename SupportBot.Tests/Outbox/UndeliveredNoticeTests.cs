using SupportBot.Outbox;
using SupportBot.Tests.Infrastructure;

namespace SupportBot.Tests.Outbox;

/// <summary>
/// A message the bot cannot deliver reaches a person where the team works: under the ticket's triage card, once per
/// ticket and cause, in the engineer's own answer when it is known by then, and healed when its cause clears.
/// </summary>
public sealed class UndeliveredNoticeTests : AppTest
{
    private const string Customer = TestSettings.CustomerChannel;

    private IReadOnlyList<SlackCall> Notices(int number) => Slack.Find("chat.postMessage", c =>
        c.Channel == TestSettings.SupportChannel && c.Text.Contains($"Not delivered for #{N(number)}", StringComparison.Ordinal));

    private IReadOnlyList<SlackCall> CustomerPosts => Slack.Find("chat.postMessage", c => c.Channel == Customer);

    [Fact]
    public async Task A_refused_confirmation_is_told_under_the_triage_card_with_what_fixes_it()
    {
        Slack.FailWithError("chat.postMessage", "not_in_channel", count: 10, where: FakeSlackApi.InChannel(Customer));
        var number = await App.CreateTicketAsync();

        var notice = Assert.Single(await Slack.WaitForAsync("chat.postMessage", c => Notices(number).Contains(c)));
        Assert.Equal(Ticket(number).TriageTs, notice.ThreadTs);
        Assert.Contains(OutboxPurposes.Confirmation, notice.Text, StringComparison.Ordinal);
        Assert.Contains($"invite @SupportBot to it", notice.Text, StringComparison.Ordinal);
        Assert.Contains($"<#{Customer}>", notice.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_engineer_learns_it_in_the_take_answer_and_the_team_is_told_once_per_ticket_and_cause()
    {
        Slack.FailWithError("chat.postMessage", "is_archived", count: 10, where: FakeSlackApi.InChannel(Customer));
        var number = await App.CreateTicketAsync();
        Assert.Single(await Slack.WaitForAsync("chat.postMessage", c => Notices(number).Contains(c)));

        var take = await CommandAsync("/take", N(number));
        Assert.Contains("The customer will not see it yet", take.Text, StringComparison.Ordinal);
        Assert.Contains("archived", take.Text, StringComparison.Ordinal);
        var solved = await CommandAsync("/status", $"{N(number)} solved confirmed");
        Assert.Contains("The customer will not see it yet", solved.Text, StringComparison.Ordinal);

        Assert.True(await Eventually.TrueAsync(() => App.Get<OutboxStore>().FailedMessages().Count >= 3), "the take's and the resolution's posts were not set aside");
        Assert.True(await Eventually.TrueAsync(() => App.Get<OutboxStore>().CountPending() == 0));
        Assert.Single(Notices(number));
    }

    [Fact]
    public async Task Messages_set_aside_for_a_channel_go_out_in_order_once_it_heals()
    {
        Slack.FailWithError("chat.postMessage", "not_in_channel", count: 2, where: FakeSlackApi.InChannel(Customer));
        var number = await App.CreateTicketAsync();
        await CommandAsync("/take", N(number));
        Assert.True(await Eventually.TrueAsync(() => App.Get<OutboxStore>().FailedMessages().Count == 2));

        Assert.Equal(2, App.Get<OutboxHealing>().Heal(OutboxCauses.Channel(Customer)));

        var delivered = await Slack.WaitForAsync("chat.postMessage", c => c.Channel == Customer, count: 2);
        Assert.Equal(2, delivered.Count);
        Assert.Contains($"#{N(number)}", delivered[0].Text, StringComparison.Ordinal); // the confirmation first
        Assert.Contains("will help you", delivered[1].Text, StringComparison.Ordinal);
        Assert.Empty(App.Get<OutboxStore>().FailedMessages());
    }

    [Fact]
    public async Task A_triage_card_slack_refuses_as_invalid_blocks_is_posted_as_plain_text()
    {
        Slack.FailWithError("chat.postMessage", "invalid_blocks", where: FakeSlackApi.InChannel(TestSettings.SupportChannel));
        var number = await App.CreateTicketAsync(subject: "Card with a bad layout");

        var card = Assert.Single(await Slack.WaitForAsync("chat.postMessage", c => c.Channel == TestSettings.SupportChannel));
        Assert.Null(card.Args["blocks"]);
        Assert.Contains("Card with a bad layout", card.Text, StringComparison.Ordinal);
        Assert.Contains($"#{N(number)}", card.Text, StringComparison.Ordinal);
        Assert.True(await Eventually.TrueAsync(() => Ticket(number).TriageTs == card.AnswerTs), "the plain card was not recorded as the triage card");
        Assert.Empty(App.Get<OutboxStore>().FailedMessages());
    }
}
