using System.Net;
using SupportBot.Tests.Infrastructure;
using SupportBot.Tickets;

namespace SupportBot.Tests.Threads;

public sealed class TicketReactionTests : IDisposable
{
    private readonly SupportBotApp _app = new();

    public void Dispose()
    {
        _app.Dispose();
        _app.DeleteDatabase();
    }

    private string Posted(string text, string? threadTs = null, string channel = TestSettings.CustomerChannel)
    {
        var ts = ThreadEvents.NextTs();
        _app.Slack.Workspace.AddMessage(channel, ts, TestSettings.Customer, text, threadTs);
        return ts;
    }

    private async Task SentinelAsync(int expectedTickets)
    {
        await _app.SendAsync(ThreadEvents.Reaction(TestSettings.Engineer, TestSettings.CustomerChannel, Posted("sentinel")));
        await _app.WaitForTicketCountAsync(expectedTickets);
    }

    [Fact]
    public async Task An_engineers_ticket_reaction_makes_the_message_a_ticket_once()
    {
        var ts = Posted("Login loops forever\nSince Monday, with SAML.");

        await _app.SendAsync(ThreadEvents.Reaction(TestSettings.Engineer, TestSettings.CustomerChannel, ts), "EvREACT01");
        await _app.SendAsync(ThreadEvents.Reaction(TestSettings.Engineer, TestSettings.CustomerChannel, ts), "EvREACT01", 1);
        await _app.SendAsync(ThreadEvents.Reaction(TestSettings.Engineer2, TestSettings.CustomerChannel, ts));
        await SentinelAsync(2);

        Assert.Equal(2, _app.Get<TicketStore>().Count());
        var ticket = _app.Ticket(1);
        Assert.Equal(TicketSource.EmojiReaction, ticket.Source);
        Assert.Equal("Login loops forever", ticket.Subject);
        Assert.Equal(TestSettings.Customer, ticket.RequesterId);
        Assert.Equal(ts, ticket.ThreadTs);
        Assert.Equal("Acme Corp", ticket.CustomerName);
        var read = Assert.Single(_app.Slack.Find("conversations.history", c => c.Args["latest"]?.GetValue<string>() == ts));
        Assert.Equal("true", read.Args["inclusive"]?.GetValue<string>());
        Assert.Contains("#1", Assert.Single(await _app.Slack.WaitForAsync("chat.postMessage",
            c => c.Channel == TestSettings.CustomerChannel && c.ThreadTs == ts)).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reactions_by_customers_with_other_emoji_or_outside_support_channels_do_nothing()
    {
        var ts = Posted("Please help");

        await _app.SendAsync(ThreadEvents.Reaction(TestSettings.Customer, TestSettings.CustomerChannel, ts));
        await _app.SendAsync(ThreadEvents.Reaction(TestSettings.Engineer, TestSettings.CustomerChannel, ts, reaction: "eyes"));
        await _app.SendAsync(ThreadEvents.Reaction(TestSettings.Engineer, "C_RANDOM", Posted("elsewhere", channel: "C_RANDOM")));
        await _app.SendAsync(ThreadEvents.Reaction(TestSettings.Engineer, TestSettings.CustomerChannel, Posted("bot post"), itemUser: ThreadEvents.BotUser));
        await SentinelAsync(1);

        Assert.Equal("sentinel", Assert.Single(_app.Get<TicketStore>().Unassigned()).Subject);
    }

    [Fact]
    public async Task An_unreadable_message_becomes_a_ticket_with_a_placeholder_subject_and_a_link()
    {
        _app.Slack.FailWithError("conversations.history", "missing_scope");
        var ts = ThreadEvents.NextTs();

        await _app.SendAsync(ThreadEvents.Reaction(TestSettings.Engineer, TestSettings.CustomerChannel, ts));

        await _app.WaitForTicketCountAsync(1);
        var ticket = _app.Ticket(1);
        Assert.Equal("Message in Acme Corp's channel", ticket.Subject);
        Assert.Contains($"https://slack.com/archives/{TestSettings.CustomerChannel}/p{ts.Replace(".", "", StringComparison.Ordinal)}", ticket.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_reaction_on_a_thread_reply_makes_a_ticket_living_in_that_thread()
    {
        var parent = Posted("General question");
        var reply = Posted("Actually, the build is broken", threadTs: parent);

        await _app.SendAsync(ThreadEvents.Reaction(TestSettings.Engineer, TestSettings.CustomerChannel, reply));

        await _app.WaitForTicketCountAsync(1);
        Assert.Equal("Actually, the build is broken", _app.Ticket(1).Subject);
        Assert.Equal(parent, _app.Ticket(1).ThreadTs);
        Assert.NotEmpty(_app.Slack.Find("conversations.replies", c => c.Args["ts"]?.GetValue<string>() == reply));
    }

    [Fact]
    public async Task A_reaction_on_a_reply_in_a_tickets_thread_answers_with_that_ticket_as_the_shortcut_does()
    {
        var number = await _app.CreateTicketAsync("Upload fails");
        var thread = await _app.ThreadOfAsync(number);
        var reply = ThreadEvents.NextTs();
        _app.Slack.Workspace.AddMessage(TestSettings.CustomerChannel, reply, TestSettings.Customer, "Still failing with 413", thread);

        await _app.SendAsync(ThreadEvents.Reaction(TestSettings.Engineer, TestSettings.CustomerChannel, reply));

        var answer = Assert.Single(await _app.Slack.WaitForAsync("chat.postEphemeral", c => c.Channel == TestSettings.CustomerChannel));
        Assert.Equal(TestSettings.Engineer, answer.Args["user"]?.GetValue<string>());
        Assert.Contains(SupportBot.Tickets.Intake.CreateTicketShortcut.AlreadyTicket(number), answer.Text, StringComparison.Ordinal);
        await SentinelAsync(2);
        Assert.Equal(2, _app.Get<TicketStore>().Count());
    }

    [Fact]
    public async Task A_reaction_on_a_help_post_that_already_is_a_ticket_does_nothing()
    {
        var post = ThreadEvents.Message(TestSettings.HelpChannel, "U_COMMUNITY", "Webhooks missing");
        await _app.SendAsync(post);
        await _app.WaitForTicketCountAsync(1);

        await _app.SendAsync(ThreadEvents.Reaction(TestSettings.Engineer, TestSettings.HelpChannel, post["ts"]!.GetValue<string>(), itemUser: "U_COMMUNITY"));
        await SentinelAsync(2);

        Assert.Equal(2, _app.Get<TicketStore>().Count());
        Assert.Empty(_app.Slack.Find("conversations.history", c => c.Channel == TestSettings.HelpChannel));
    }

    [Fact]
    public async Task A_rate_limited_read_is_retried_after_retry_after_and_the_ticket_gets_the_message_text()
    {
        _app.Slack.Fail("conversations.history", HttpStatusCode.TooManyRequests, retryAfterSeconds: 1);
        var ts = Posted("Exports fail with a 500\nSince the upgrade.");

        await _app.SendAsync(ThreadEvents.Reaction(TestSettings.Engineer, TestSettings.CustomerChannel, ts));

        Assert.True(await _app.AdvanceUntilAsync(() => _app.Get<TicketStore>().Count() == 1, TimeSpan.FromSeconds(1)), "no ticket");
        Assert.Equal("Exports fail with a 500", _app.Ticket(1).Subject);
        Assert.Equal(2, _app.Slack.Calls.Count(c => c.Method == "conversations.history"));
        var asked = _app.Slack.Calls.Where(c => c.Method == "conversations.history").Select(c => c.AppTime!.Value).ToList();
        Assert.True(asked[1] - asked[0] >= TimeSpan.FromSeconds(1), "retried before Slack's Retry-After");
    }

    [Fact]
    public async Task A_read_still_rate_limited_after_a_few_tries_keeps_the_placeholder_and_says_so_under_the_triage_card()
    {
        _app.Slack.Fail("conversations.history", HttpStatusCode.TooManyRequests, count: 100, retryAfterSeconds: 1);
        var ts = Posted("Exports fail with a 500");
        var link = $"https://slack.com/archives/{TestSettings.CustomerChannel}/p{ts.Replace(".", "", StringComparison.Ordinal)}";

        await _app.SendAsync(ThreadEvents.Reaction(TestSettings.Engineer, TestSettings.CustomerChannel, ts));

        Assert.True(await _app.AdvanceUntilAsync(() => _app.Get<TicketStore>().Count() == 1, TimeSpan.FromSeconds(1)), "no ticket");
        var ticket = _app.Ticket(1);
        Assert.Equal("Message in Acme Corp's channel", ticket.Subject);
        Assert.Equal($"Could not read the message: Slack rate-limited the bot; open it: {link}", ticket.Description);
        Assert.Equal(3, _app.Slack.Calls.Count(c => c.Method == "conversations.history"));
        var card = await _app.WaitForTicketAsync(1, t => t.TriageTs is not null);
        var note = await _app.Slack.WaitForAsync("chat.postMessage",
            c => c.Channel == TestSettings.SupportChannel && c.ThreadTs == card.TriageTs && c.Text.Contains("Could not read the message", StringComparison.Ordinal));
        Assert.Contains($"Slack rate-limited the bot; open it: <{link}|in Slack>", Assert.Single(note).Text, StringComparison.Ordinal);
    }
}
