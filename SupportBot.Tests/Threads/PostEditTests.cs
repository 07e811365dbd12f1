using System.Text.Json.Nodes;
using SupportBot.Tests.Infrastructure;
using SupportBot.Tickets;

namespace SupportBot.Tests.Threads;

/// <summary>message_changed of a ticket's original post and of its replies, as Slack sends it.</summary>
public sealed class PostEditTests : IDisposable
{
    private readonly SupportBotApp _app = new();

    public void Dispose()
    {
        _app.Dispose();
        _app.DeleteDatabase();
    }

    /// <summary>Slack's message_changed: the outer event is hidden, the edited message inside with its "edited" stamp.</summary>
    public static JsonObject Changed(string channel, string ts, string? thread, string user, string text, string? editor = null)
    {
        var message = new JsonObject
        {
            ["type"] = "message", ["user"] = user, ["text"] = text, ["ts"] = ts,
            ["edited"] = new JsonObject { ["user"] = editor ?? user, ["ts"] = ThreadEvents.NextTs() },
        };
        if (thread is not null)
            message["thread_ts"] = thread;
        return new JsonObject
        {
            ["type"] = "message", ["subtype"] = "message_changed", ["hidden"] = true, ["channel"] = channel, ["ts"] = ThreadEvents.NextTs(),
            ["message"] = message, ["previous_message"] = new JsonObject { ["type"] = "message", ["user"] = user, ["text"] = "before", ["ts"] = ts },
        };
    }

    private async Task<(int Number, string Ts)> HelpPostAsync(string text)
    {
        var post = ThreadEvents.Message(TestSettings.HelpChannel, "U_COMMUNITY", text);
        await _app.SendAsync(post);
        await _app.WaitForTicketCountAsync(1);
        await _app.ThreadOfAsync(1);
        return (1, post["ts"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_edited_help_post_of_a_new_ticket_updates_its_description_subject_and_card_and_the_history_keeps_the_first_text()
    {
        var (number, ts) = await HelpPostAsync("SSO brokn\nOkta");
        await _app.WaitForTicketAsync(number, t => t.TriageTs is not null);

        var unfurled = Changed(TestSettings.HelpChannel, ts, null, "U_COMMUNITY", "not what they wrote");
        unfurled["message"]!.AsObject().Remove("edited"); // Slack's own change (an unfurl): no "edited" stamp, no new words
        await _app.SendAsync(unfurled);
        await _app.SendAsync(Changed(TestSettings.HelpChannel, ts, null, "U_COMMUNITY", "SSO broken since 4.2\nOkta, SAML"));

        var ticket = await _app.WaitForTicketAsync(number, t => t.Description.StartsWith("SSO broken", StringComparison.Ordinal));
        Assert.Equal("SSO broken since 4.2\nOkta, SAML", ticket.Description);
        Assert.Equal("SSO broken since 4.2", ticket.Subject);
        var edit = Assert.Single(ticket.History, h => h.MessageTs == ts);
        Assert.Equal("U_COMMUNITY", edit.ActorId);
        Assert.Contains("SSO brokn\nOkta", edit.What, StringComparison.Ordinal);
        Assert.NotEmpty(await _app.Slack.WaitForAsync("chat.update", c => c.Channel == TestSettings.SupportChannel
            && c.Text.Contains("#1 SSO broken since 4.2", StringComparison.Ordinal)));
        Assert.Equal(0, ticket.Conversation.Count);
    }

    [Fact]
    public async Task Once_an_engineer_answered_an_edited_post_changes_the_description_but_not_the_subject()
    {
        var (number, ts) = await HelpPostAsync("Export fails");
        await _app.ReplyAsync(ts, TestSettings.Engineer, "Which format?", TestSettings.HelpChannel);
        await _app.WaitForTicketAsync(number, t => t.FirstResponseAt is not null);

        await _app.SendAsync(Changed(TestSettings.HelpChannel, ts, ts, "U_COMMUNITY", "Export to CSV fails"));

        var ticket = await _app.WaitForTicketAsync(number, t => t.Description == "Export to CSV fails");
        Assert.Equal("Export fails", ticket.Subject);
    }

    [Fact]
    public async Task An_edited_reply_keeps_its_earlier_text_in_the_history_with_who_changed_it()
    {
        var number = await _app.CreateTicketAsync("Typo");
        var thread = await _app.ThreadOfAsync(number);
        var ts = await _app.ReplyAsync(thread, TestSettings.Customer, "The eror is 502");
        await _app.WaitForTicketAsync(number, t => t.Conversation.Count == 1);

        await _app.SendAsync(Changed(TestSettings.CustomerChannel, ts, thread, TestSettings.Customer, "The error is 502"));

        var ticket = await _app.WaitForTicketAsync(number, t => t.History.Exists(h => h.MessageTs == ts));
        Assert.Equal("The error is 502", Assert.Single(ticket.Conversation.Entries).Text);
        var edit = Assert.Single(ticket.History, h => h.MessageTs == ts);
        Assert.Equal(TestSettings.Customer, edit.ActorId);
        Assert.Contains("The eror is 502", edit.What, StringComparison.Ordinal);
    }
}
