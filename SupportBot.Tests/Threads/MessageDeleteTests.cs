using System.Text.Json.Nodes;
using SupportBot.Tests.Infrastructure;
using SupportBot.Tickets;

namespace SupportBot.Tests.Threads;

/// <summary>message_deleted, and a thread parent left as a tombstone, as Slack sends them.</summary>
public sealed class MessageDeleteTests : IDisposable
{
    private readonly SupportBotApp _app = new();

    public void Dispose()
    {
        _app.Dispose();
        _app.DeleteDatabase();
    }

    public static JsonObject Deleted(string channel, string ts, string user, string? thread)
    {
        var previous = new JsonObject { ["type"] = "message", ["user"] = user, ["text"] = "what they said", ["ts"] = ts };
        if (thread is not null)
            previous["thread_ts"] = thread;
        return new JsonObject
        {
            ["type"] = "message", ["subtype"] = "message_deleted", ["hidden"] = true, ["channel"] = channel,
            ["ts"] = ThreadEvents.NextTs(), ["deleted_ts"] = ts, ["previous_message"] = previous,
        };
    }

    [Fact]
    public async Task A_deleted_reply_is_kept_as_deleted_by_its_author_and_its_words_leave_the_ticket()
    {
        var number = await _app.CreateTicketAsync("Leaked key");
        var thread = await _app.ThreadOfAsync(number);
        var ts = await _app.ReplyAsync(thread, TestSettings.Customer, "my key is sk-123");
        await _app.WaitForTicketAsync(number, t => t.Conversation.Count == 1);
        await _app.SendAsync(PostEditTests.Changed(TestSettings.CustomerChannel, ts, thread, TestSettings.Customer, "my key is sk-1234"));
        await _app.WaitForTicketAsync(number, t => t.History.Exists(h => h.MessageTs == ts));

        await _app.SendAsync(Deleted(TestSettings.CustomerChannel, ts, TestSettings.Customer, thread));

        var ticket = await _app.WaitForTicketAsync(number, t => t.Conversation.Entries[0].DeletedAt is not null);
        var entry = Assert.Single(ticket.Conversation.Entries);
        Assert.Equal(ConversationEntry.Deleted, entry.Shown());
        Assert.Equal("", entry.Text);
        Assert.Equal(1, ticket.Conversation.CustomerReplies);
        Assert.DoesNotContain(ticket.History, h => h.What.Contains("sk-123", StringComparison.Ordinal));
        Assert.Contains(ticket.History, h => h.MessageTs == ts && h.What == "Deleted their reply");
        var status = await _app.StatusAsync(number);
        Assert.Contains("Leaked key", status.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("sk-123", status.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_deleted_post_of_a_new_ticket_is_flagged_on_the_card_and_nothing_closes()
    {
        var post = ThreadEvents.Message(TestSettings.HelpChannel, "U_COMMUNITY", "Where is the API key page?");
        await _app.SendAsync(post);
        await _app.WaitForTicketAsync(1, t => t.TriageTs is not null);

        await _app.SendAsync(Deleted(TestSettings.HelpChannel, post["ts"]!.GetValue<string>(), "U_COMMUNITY", thread: null));

        var ticket = await _app.WaitForTicketAsync(1, t => t.PostDeletedAt is not null);
        Assert.Equal(TicketStatus.New, ticket.Status);
        Assert.NotNull(ticket.FirstResponseDueAt);
        Assert.Contains(ticket.History, h => h.What.Contains("deleted by its author", StringComparison.Ordinal));
        Assert.NotEmpty(await _app.Slack.WaitForAsync("chat.update", c => c.Channel == TestSettings.SupportChannel
            && c.Text.Contains(TriageCard.PostDeleted, StringComparison.Ordinal)));
        Assert.Contains(TriageCard.PostDeleted, (await _app.StatusAsync(1)).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_thread_parent_left_as_a_tombstone_is_a_deleted_post()
    {
        var post = ThreadEvents.Message(TestSettings.HelpChannel, "U_COMMUNITY", "Billing page blank");
        var ts = post["ts"]!.GetValue<string>();
        await _app.SendAsync(post);
        await _app.WaitForTicketCountAsync(1);
        var tombstone = PostEditTests.Changed(TestSettings.HelpChannel, ts, ts, "USLACKBOT", "This message was deleted.");
        tombstone["message"]!["subtype"] = "tombstone";
        tombstone["message"]!.AsObject().Remove("edited");

        await _app.SendAsync(tombstone);

        var ticket = await _app.WaitForTicketAsync(1, t => t.PostDeletedAt is not null);
        Assert.Equal("Billing page blank", ticket.Subject);
        Assert.Equal(TicketStatus.New, ticket.Status);
    }
}
