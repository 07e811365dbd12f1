using System.Text.Json.Nodes;
using SupportBot.Tests.Infrastructure;

namespace SupportBot.Tests.Threads;

public sealed class MessageEditTests : IDisposable
{
    private readonly SupportBotApp _app = new();

    public void Dispose()
    {
        _app.Dispose();
        _app.DeleteDatabase();
    }

    private static JsonObject Edit(string ts, string thread, string text) =>
        PostEditTests.Changed(TestSettings.CustomerChannel, ts, thread, TestSettings.Customer, text);

    [Fact]
    public async Task An_edited_reply_updates_its_recorded_text_without_counting_again()
    {
        var number = await _app.CreateTicketAsync("Typo in reply");
        var thread = await _app.ThreadOfAsync(number);
        var ts = await _app.ReplyAsync(thread, TestSettings.Customer, "The eror says 502");
        await _app.WaitForTicketAsync(number, t => t.Conversation.Count == 1);

        await _app.SendAsync(Edit(ts, thread, "The error says 502"), eventId: "EvEDIT1");
        await _app.SendAsync(Edit(ts, thread, "The error says 502"), eventId: "EvEDIT1", retryNum: 1);

        var ticket = await _app.WaitForTicketAsync(number, t => t.Conversation.Entries[0].EditedAt is not null);
        Assert.Equal("The error says 502", Assert.Single(ticket.Conversation.Entries).Text);
        Assert.Equal(1, ticket.Conversation.CustomerReplies);
        Assert.Equal(0, ticket.Conversation.TeamReplies);
    }

    [Fact]
    public async Task An_edit_of_an_unrecorded_message_is_not_a_new_reply()
    {
        var number = await _app.CreateTicketAsync("Edit elsewhere");
        var thread = await _app.ThreadOfAsync(number);

        await _app.SendAsync(Edit(ThreadEvents.NextTs(), thread, "edited before the bot saw it"));
        await _app.ReplyAsync(thread, TestSettings.Customer, "sentinel");

        var ticket = await _app.WaitForTicketAsync(number, t => t.Conversation.Count >= 1);
        Assert.Equal("sentinel", Assert.Single(ticket.Conversation.Entries).Text);
    }
}
