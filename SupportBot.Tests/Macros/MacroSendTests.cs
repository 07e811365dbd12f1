using SupportBot.Macros;
using SupportBot.Tests.Infrastructure;
using SupportBot.Tickets;

namespace SupportBot.Tests.Macros;

/// <summary><c>/status N macro NAME</c> on a Slack ticket: one post in the customer's thread, filled, and its status set.</summary>
public sealed class MacroSendTests : AppTest
{
    private const string Text = "Hi {requester}, {engineer} here about ticket {ticket}: could you send us the frontend logs? {unknown} stays.";

    private async Task<(int Number, string Thread)> TicketAsync()
    {
        var number = await App.CreateTicketAsync("Dashboard is blank");
        Assert.True(await Eventually.TrueAsync(() => Ticket(number).ThreadTs is not null));
        App.Get<MacroStore>().Save("logs", Text, TicketStatus.Pending, null, TestSettings.Engineer);
        return (number, Ticket(number).ThreadTs!);
    }

    private IEnumerable<SlackCall> InThread(string thread, string words) => Slack.Find("chat.postMessage",
        c => c.Channel == TestSettings.CustomerChannel && c.ThreadTs == thread && c.Text.Contains(words, StringComparison.Ordinal));

    [Fact]
    public async Task A_saved_reply_is_posted_once_in_the_thread_filled_and_sets_its_status()
    {
        var (number, thread) = await TicketAsync();

        var answer = await App.CommandAsync($"{N(number)} macro logs", "macro.1");
        var retried = await App.CommandAsync($"{N(number)} macro logs", "macro.1");

        Assert.Contains("Sending the saved reply *logs*", answer.Text, StringComparison.Ordinal);
        Assert.Contains("is now *Pending*", answer.Text, StringComparison.Ordinal);
        Assert.Contains("Sending the saved reply", retried.Text, StringComparison.Ordinal);
        var post = Assert.Single(await Slack.WaitForAsync("chat.postMessage",
            c => c.ThreadTs == thread && c.Text.Contains("frontend logs", StringComparison.Ordinal)));
        Assert.Equal(TestSettings.CustomerChannel, post.Channel);
        Assert.Equal($"Hi <@{TestSettings.Customer}>, <@{TestSettings.Engineer}> here about ticket #{N(number)}: could you send us the frontend logs? {{unknown}} stays.",
            post.Args["text"]!.GetValue<string>());
        // a later post in the same channel is delivered after any second copy would have been
        await App.CommandAsync($"{N(number)} reply Anything else?", "reply.2");
        Assert.Single(await Slack.WaitForAsync("chat.postMessage", c => c.ThreadTs == thread && c.Text.Contains("Anything else?", StringComparison.Ordinal)));
        Assert.Single(InThread(thread, "frontend logs"));

        var ticket = Ticket(number);
        Assert.Equal(TicketStatus.Pending, ticket.Status);
        Assert.NotNull(ticket.FirstResponseAt);
        Assert.Equal(2, ticket.Conversation.TeamReplies);
        Assert.All(ticket.Conversation.Entries, e => Assert.Equal((true, TestSettings.Engineer), (e.FromTeam, e.UserId)));
        Assert.NotEmpty(await Slack.WaitForAsync("chat.postMessage",
            c => c.Channel == TestSettings.SupportChannel && c.Text.Contains("answered the customer", StringComparison.Ordinal)
                 && c.Text.Contains("frontend logs", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task An_unknown_name_is_named_with_the_saved_ones_and_nothing_is_sent()
    {
        var (number, _) = await TicketAsync();

        var answer = await App.CommandAsync($"{N(number)} macro nosuch", "macro.unknown");

        Assert.Contains("no saved reply named `nosuch`", answer.Text, StringComparison.Ordinal);
        Assert.Contains("`logs`", answer.Text, StringComparison.Ordinal);
        var ticket = Ticket(number);
        Assert.Equal((0, TicketStatus.New), (ticket.Conversation.TeamReplies, ticket.Status));
        Assert.DoesNotContain(App.Get<SupportBot.Outbox.OutboxStore>().Pending(100), m => m.Args.Contains("frontend logs", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Reply_answers_a_slack_customer_in_their_thread_with_typed_text_escaped_once()
    {
        var (number, thread) = await TicketAsync();

        await App.CommandAsync($"{N(number)} reply Try <b> & tell <@{TestSettings.Ce}>", "reply.1");

        var post = Assert.Single(await Slack.WaitForAsync("chat.postMessage", c => c.ThreadTs == thread && c.Text.Contains("Try", StringComparison.Ordinal)));
        Assert.Equal($"Try &lt;b&gt; &amp; tell <@{TestSettings.Ce}>", post.Args["text"]!.GetValue<string>());
        Assert.Equal(TicketStatus.Open, Ticket(number).Status);
    }

    [Fact]
    public async Task Only_the_team_sends_saved_replies()
    {
        var (number, _) = await TicketAsync();

        var answer = await App.CommandAsync($"{N(number)} macro logs", "macro.customer", TestSettings.Customer);

        Assert.Contains("Only the support team", answer.Text, StringComparison.Ordinal);
        Assert.Equal(0, Ticket(number).Conversation.TeamReplies);
    }
}
