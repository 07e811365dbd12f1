using System.Text.Json.Nodes;
using SupportBot.Tickets;
using static SupportBot.Tests.Discord.DiscordPayloads;

namespace SupportBot.Tests.Discord;

/// <summary>People edit and delete their Discord messages; the ticket follows, as it does for Slack messages.</summary>
public sealed class DiscordEditTests : IDisposable
{
    private readonly DiscordDesk _desk = new();

    [Fact]
    public async Task An_edited_reply_replaces_its_text_and_the_history_keeps_what_it_said()
    {
        var thread = await _desk.AskAsync(Dana, "Dana Requester", "Exports fail");
        var number = _desk.TicketOf(thread).Number;
        var reply = Message(thread, Author(Dana, "Dana Requester"), "It fails on Chrome");
        await _desk.SendAsync("MESSAGE_CREATE", reply);

        await _desk.SendAsync("MESSAGE_UPDATE", Edited(reply, "It fails on Firefox, not Chrome"));

        var ticket = _desk.Current(number);
        var entry = Assert.Single(ticket.Conversation.Entries);
        Assert.Equal("It fails on Firefox, not Chrome", entry.Text);
        Assert.NotNull(entry.EditedAt);
        Assert.Contains(ticket.History, h => h.What.Contains("it read: “It fails on Chrome”", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_edited_request_changes_the_description_and_a_deleted_reply_keeps_none_of_its_words()
    {
        var request = Message(HelpText, Author(Sam, "Sam Second"), "Login broken");
        await _desk.SendAsync("MESSAGE_CREATE", request);
        var thread = request["id"]!.GetValue<string>();
        var number = _desk.TicketOf(thread).Number;
        var reply = Message(thread, Author(Sam, "Sam Second"), "my password is hunter2");
        await _desk.SendAsync("MESSAGE_CREATE", reply);

        await _desk.SendAsync("MESSAGE_UPDATE", Edited(request, "Login broken since the 5.2 upgrade"));
        await _desk.SendAsync("MESSAGE_DELETE", new JsonObject { ["id"] = reply["id"]!.GetValue<string>(), ["channel_id"] = thread, ["guild_id"] = Guild });
        await _desk.SendAsync("MESSAGE_DELETE", new JsonObject { ["id"] = reply["id"]!.GetValue<string>(), ["channel_id"] = thread, ["guild_id"] = Guild });

        var ticket = _desk.Current(number);
        Assert.Equal("Login broken since the 5.2 upgrade", ticket.Description);
        var deleted = Assert.Single(ticket.Conversation.Entries);
        Assert.NotNull(deleted.DeletedAt);
        Assert.DoesNotContain("hunter2", deleted.Text, StringComparison.Ordinal);
        Assert.Single(ticket.History, h => h.What == "Deleted their reply in Discord");
    }

    private static JsonObject Edited(JsonObject message, string content)
    {
        var edited = (JsonObject)message.DeepClone();
        edited["content"] = content;
        edited["edited_timestamp"] = DateTimeOffset.UtcNow.ToString("O");
        return edited;
    }

    public void Dispose() => _desk.Dispose();
}
