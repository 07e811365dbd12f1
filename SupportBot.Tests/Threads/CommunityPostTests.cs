using SupportBot.Tests.Infrastructure;
using SupportBot.Tickets;

namespace SupportBot.Tests.Threads;

/// <summary>A 🎫 on a community post shared in #customer-support makes a Community ticket linking the post.</summary>
public sealed class CommunityPostTests : IDisposable
{
    private readonly SupportBotApp _app = new();

    public void Dispose()
    {
        _app.Dispose();
        _app.DeleteDatabase();
    }

    [Fact]
    public async Task A_team_members_ticket_reaction_on_a_shared_post_makes_one_community_ticket()
    {
        var ts = ThreadEvents.NextTs();
        _app.Slack.Workspace.AddMessage(TestSettings.SupportChannel, ts, TestSettings.Engineer2,
            "Forum: indexing stalls on monorepos <https://community.example/t/indexing-stalls/812|thread>", null);

        await _app.SendAsync(ThreadEvents.Reaction(TestSettings.Engineer, TestSettings.SupportChannel, ts, itemUser: TestSettings.Engineer2));
        await _app.SendAsync(ThreadEvents.Reaction(TestSettings.Engineer2, TestSettings.SupportChannel, ts, itemUser: TestSettings.Engineer2));
        var ticket = await _app.WaitForTicketAsync(1, t => t.TriageTs is not null);

        Assert.Equal(TicketSource.Community, ticket.Source);
        Assert.Equal("https://community.example/t/indexing-stalls/812", ticket.Via!.Link);
        Assert.Equal(ConversationKind.None, ticket.Talks);
        var card = Assert.Single(_app.Slack.Find("chat.postMessage", c => c.Channel == TestSettings.SupportChannel && c.ThreadTs is null
            && c.Text.Contains("#1", StringComparison.Ordinal)));
        Assert.Contains("https://community.example/t/indexing-stalls/812", card.Text, StringComparison.Ordinal);
        Assert.Equal(1, _app.Get<TicketStore>().Count());
    }

    [Fact]
    public async Task A_customers_reaction_in_the_support_channel_does_nothing()
    {
        var ts = ThreadEvents.NextTs();
        _app.Slack.Workspace.AddMessage(TestSettings.SupportChannel, ts, TestSettings.Engineer2, "<https://community.example/t/1>", null);
        await _app.SendAsync(ThreadEvents.Reaction(TestSettings.Customer, TestSettings.SupportChannel, ts, itemUser: TestSettings.Engineer2));
        // a sentinel after it: once the sentinel is ticket #1, the customer's reaction was handled and made nothing
        var sentinel = ThreadEvents.NextTs();
        _app.Slack.Workspace.AddMessage(TestSettings.CustomerChannel, sentinel, TestSettings.Customer, "sentinel", null);
        await _app.SendAsync(ThreadEvents.Reaction(TestSettings.Engineer, TestSettings.CustomerChannel, sentinel));
        Assert.Equal(TicketSource.EmojiReaction, (await _app.WaitForTicketAsync(1, _ => true)).Source);
        Assert.Equal(1, _app.Get<TicketStore>().Count());
    }
}
