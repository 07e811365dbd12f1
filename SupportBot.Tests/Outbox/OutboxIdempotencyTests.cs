using SupportBot.Outbox;
using SupportBot.Tests.Infrastructure;
using SupportBot.Tickets;

namespace SupportBot.Tests.Outbox;

/// <summary>
/// A post whose outcome is unknown (the answer lost, the app gone mid-call) is looked up by its metadata tag before
/// it is sent again: posted once. When the lookup cannot answer, it is sent again: never lost.
/// </summary>
public sealed class OutboxIdempotencyTests : IDisposable
{
    private readonly RestartingApp _restarts = new("idempotency");
    private FakeSlackApi Slack => _restarts.Slack;

    private SupportBotApp Start() => _restarts.Start(sharedSlack: true);

    public void Dispose() => _restarts.Dispose();

    private IReadOnlyList<SlackCall> Posts(string text) =>
        Slack.Find("chat.postMessage", c => c.Text.Contains(text, StringComparison.Ordinal));

    private static Task<bool> DrainedAsync(SupportBotApp app) =>
        app.AdvanceUntilAsync(() => app.Get<OutboxStore>().CountPending() == 0, TimeSpan.FromSeconds(5));

    [Fact]
    public async Task Posts_carry_their_outbox_id_as_message_metadata()
    {
        var app = Start();
        await app.CreateTicketAsync("Tagged");

        var card = Assert.Single(Posts("Tagged"), c => c.Channel == TestSettings.SupportChannel);

        Assert.Equal(OutboxTag.EventType, card.Args["metadata"]!["event_type"]!.GetValue<string>());
        Assert.True(card.Args["metadata"]!["event_payload"]!["outbox_id"]!.GetValue<long>() > 0);
    }

    [Fact]
    public async Task A_post_whose_answer_was_lost_is_found_in_the_channel_and_not_posted_again()
    {
        var app = Start();
        Slack.LoseAnswer("chat.postMessage", count: 2);

        await app.CreateTicketAsync("Answer lost");
        Assert.True(await DrainedAsync(app), "the outbox never drained");

        Assert.Single(Posts("Answer lost"), c => c.Channel == TestSettings.SupportChannel);
        Assert.Single(Posts("Answer lost"), c => c.Channel == TestSettings.CustomerChannel);
        Assert.NotEmpty(Slack.Find("conversations.history"));
        // what Slack answered the lost post with is still remembered: the ticket's thread and card
        var ticket = app.Get<TicketStore>().Find(1)!;
        Assert.Equal(Posts("Answer lost").Single(c => c.Channel == TestSettings.SupportChannel).AnswerTs, ticket.TriageTs);
        Assert.Equal(Posts("Answer lost").Single(c => c.Channel == TestSettings.CustomerChannel).AnswerTs, ticket.ThreadTs);
    }

    [Fact]
    public async Task A_reply_posted_as_the_app_went_away_is_not_posted_again_after_the_restart()
    {
        var first = Start();
        var number = await first.CreateTicketAsync("Crash mid-reply");
        Assert.True(await DrainedAsync(first));
        Slack.Hang("chat.postMessage");
        await first.Requests.CommandAsync("/take", number.ToString(System.Globalization.CultureInfo.InvariantCulture), TestSettings.Engineer);
        Assert.NotEmpty(await Slack.WaitForAsync("chat.postMessage", c => c.Text.Contains("will help you", StringComparison.Ordinal)));
        first.Dispose();

        var second = Start();
        _ = second.Services;
        Assert.True(await DrainedAsync(second), "the outbox never drained after the restart");

        Assert.Single(Posts("will help you"));
        Assert.NotEmpty(Slack.Find("conversations.replies", c => c.Args["include_all_metadata"]?.GetValue<string>() == "true"));
    }

    [Fact]
    public async Task When_history_cannot_be_read_an_unsure_post_is_sent_again_rather_than_lost()
    {
        var app = Start();
        Slack.FailWithError("conversations.history", "unknown_method", count: 10);
        Slack.LoseAnswer("chat.postMessage", count: 2);

        await app.CreateTicketAsync("History unreadable");
        Assert.True(await DrainedAsync(app), "the outbox never drained");

        // at least once: both messages whose answers were lost went out a second time
        Assert.Equal(4, Posts("History unreadable").Count);
        Assert.Equal(2, Posts("History unreadable").Count(c => c.Channel == TestSettings.SupportChannel));
    }
}
