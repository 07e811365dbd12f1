using System.Text.Json.Nodes;
using SupportBot.Macros;
using SupportBot.Tests.Infrastructure;
using SupportBot.Tickets;

namespace SupportBot.Tests.Macros;

/// <summary>The "Send saved reply" message shortcut: pick a saved reply for the ticket whose thread it was used in.</summary>
public sealed class SendSavedReplyShortcutTests : AppTest
{
    private static JsonObject Shortcut(string channel, string ts, string? threadTs, string user = TestSettings.Engineer) => new()
    {
        ["type"] = "message_action",
        ["callback_id"] = SendSavedReplyShortcut.Id,
        ["trigger_id"] = $"shortcut.{Guid.NewGuid():N}",
        ["user"] = new JsonObject { ["id"] = user },
        ["channel"] = new JsonObject { ["id"] = channel },
        ["response_url"] = "https://hooks.slack.test/shortcut/1",
        ["message"] = new JsonObject { ["ts"] = ts, ["thread_ts"] = threadTs, ["text"] = "hello", ["user"] = TestSettings.Customer },
    };

    [Fact]
    public async Task The_picked_reply_is_sent_to_the_ticket_of_the_thread_once()
    {
        var number = await App.CreateTicketAsync("Dashboard is blank");
        Assert.True(await Eventually.TrueAsync(() => Ticket(number).ThreadTs is not null));
        var thread = Ticket(number).ThreadTs!;
        App.Get<MacroStore>().Save("logs", "Please send the logs of {ticket}.", TicketStatus.Pending, null, TestSettings.Engineer);

        (await Requests.InteractAsync(Shortcut(TestSettings.CustomerChannel, "9.1", thread))).EnsureSuccessStatusCode();
        var view = (await Slack.WaitForAsync("views.open", c => c.Args["view"]?["callback_id"]?.GetValue<string>() == SavedReplyPicker.CallbackId))[^1]
            .Args["view"]!.AsObject();
        view["id"] = "V_PICK";
        var values = new JsonObject
        {
            [SavedReplyPicker.ReplyBlock] = MacroFlows.Input("static_select", new JsonObject { ["selected_option"] = new JsonObject { ["value"] = "logs" } }),
        };
        Assert.Equal("", await MacroFlows.SubmitAsync(App, view, values));
        Assert.Equal("", await MacroFlows.SubmitAsync(App, view, values));

        var post = Assert.Single(await Slack.WaitForAsync("chat.postMessage", c => c.ThreadTs == thread && c.Text.Contains("logs of", StringComparison.Ordinal)));
        Assert.Equal($"Please send the logs of #{N(number)}.", post.Args["text"]!.GetValue<string>());
        Assert.NotEmpty(await Slack.WaitForAsync("chat.postEphemeral", c => c.Text.Contains("is now *Pending*", StringComparison.Ordinal)));
        Assert.Equal((TicketStatus.Pending, 1), (Ticket(number).Status, Ticket(number).Conversation.TeamReplies));
    }

    [Fact]
    public async Task Outside_a_tickets_thread_it_says_where_to_use_it()
    {
        App.Get<MacroStore>().Save("logs", "Please send the logs.", null, null, TestSettings.Engineer);

        (await Requests.InteractAsync(Shortcut(TestSettings.CustomerChannel, "9.2", null))).EnsureSuccessStatusCode();

        Assert.NotEmpty(await Slack.WaitForAsync("response_url", c => c.Text.Contains("in a ticket's thread", StringComparison.Ordinal)));
        Assert.DoesNotContain(App.Get<SupportBot.Outbox.OutboxStore>().Pending(100), m => m.Method == "views.open");
    }
}
