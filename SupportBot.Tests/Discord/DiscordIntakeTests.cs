using SupportBot.Tests.Infrastructure;
using SupportBot.Tickets;
using static SupportBot.Tests.Discord.DiscordPayloads;

namespace SupportBot.Tests.Discord;

/// <summary>Messages in Discord's help channels become tickets, confirmed in the message's thread.</summary>
public sealed class DiscordIntakeTests : IDisposable
{
    private readonly DiscordDesk _desk = new();

    [Fact]
    public async Task A_top_level_message_in_a_help_text_channel_is_one_ticket_confirmed_in_a_thread_started_on_it()
    {
        var id = await _desk.AskAsync(Dana, "Dana Requester", "SSO login loops after the Okta change\nSince this morning, every login.");

        var ticket = _desk.TicketOf(id);
        Assert.Equal(TicketSource.Discord, ticket.Source);
        Assert.Equal("SSO login loops after the Okta change", ticket.Subject);
        Assert.Equal("Dana Requester", ticket.RequesterName);
        Assert.Equal(TicketStatus.New, ticket.Status);
        var card = await _desk.App.Slack.WaitForAsync("chat.postMessage", c => c.Channel == TestSettings.SupportChannel
            && c.Text.Contains("SSO login loops", StringComparison.Ordinal));
        Assert.Contains("Dana Requester", card[0].Text, StringComparison.Ordinal);
        // the rest of the message is quoted under the card; its first line, the subject, is on the card only
        await _desk.App.Slack.WaitForAsync("chat.postMessage", c => c.Channel == TestSettings.SupportChannel
            && c.Text.Contains("Since this morning, every login.", StringComparison.Ordinal));
        Assert.Single(_desk.App.Slack.Find("chat.postMessage", c => c.Channel == TestSettings.SupportChannel
            && c.Text.Contains("SSO login loops", StringComparison.Ordinal)));

        var confirmation = await _desk.Rest.WaitForAsync(c => c.Channel == id && c.Status == System.Net.HttpStatusCode.OK);
        Assert.Contains($"#{ticket.Number}", confirmation[0].Content, StringComparison.Ordinal);
        var start = Assert.Single(_desk.Rest.ThreadStarts());
        Assert.Equal(HelpText, start.Channel);
        Assert.Equal(id, start.Message);
        Assert.StartsWith($"#{ticket.Number} SSO login loops", start.Body!["name"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Empty(confirmation[0].Body!["allowed_mentions"]!["parse"]!.AsArray());
        Assert.All(_desk.Rest.Calls, c => Assert.Equal($"Bot {Token}", c.Authorization));
    }

    [Fact]
    public async Task The_same_message_twice_and_the_bots_own_echoes_make_no_second_ticket()
    {
        var message = Message(HelpText, Author(Sam, "Sam Second"), "Webhooks stopped firing");
        await _desk.SendAsync("MESSAGE_CREATE", message);
        await _desk.SendAsync("MESSAGE_CREATE", message); // a replay after a RESUME
        var id = message["id"]!.GetValue<string>();
        await _desk.Rest.WaitForAsync(c => c.Channel == id && c.Status == System.Net.HttpStatusCode.OK);
        // what Discord sends back for the bot's own work: the thread, and its post by a bot
        await _desk.SendAsync("THREAD_CREATE", Thread(id, HelpText, "#1 Webhooks stopped firing"));
        await _desk.SendAsync("MESSAGE_CREATE", Message(id, Author(Bot, "SupportBot", bot: true), "Thanks Sam Second! I opened ticket #1"));
        await _desk.SendAsync("MESSAGE_CREATE", Message(General, Author(Dana, "Dana"), "Anyone going to the meetup?"));

        Assert.Equal(1, _desk.App.Get<TicketStore>().Count());
        Assert.Empty(_desk.TicketOf(id).Conversation.Entries);
        // a one-line message is all subject: nothing is quoted under its card (posted by the outbox, after the answer)
        var cards = await _desk.App.Slack.WaitForAsync("chat.postMessage", c => c.Channel == TestSettings.SupportChannel
            && c.Text.Contains("Webhooks stopped firing", StringComparison.Ordinal));
        Assert.Single(cards);
        Assert.Single(_desk.Rest.ThreadStarts());
    }

    [Fact]
    public async Task A_new_post_in_a_help_forum_is_a_ticket_answered_in_the_post_without_a_new_thread()
    {
        var post = NewId();
        _desk.Rest.ThreadExists(post, HelpForum);
        await _desk.SendAsync("THREAD_CREATE", Thread(post, HelpForum, "Webhooks stopped firing this morning"));
        await _desk.SendAsync("MESSAGE_CREATE", Message(post, Author(Sam, "Sam Second"), "Since 10:00 UTC none of our webhooks fire.", id: post));
        var showcase = NewId();
        await _desk.SendAsync("THREAD_CREATE", Thread(showcase, "1183373426728542218", "Our dark theme"));
        await _desk.SendAsync("MESSAGE_CREATE", Message(showcase, Author(Dana, "Dana"), "Look what we built!", id: showcase));

        var ticket = _desk.TicketOf(post);
        Assert.Equal("Webhooks stopped firing this morning", ticket.Subject);
        Assert.Equal("Since 10:00 UTC none of our webhooks fire.", ticket.Description);
        var confirmation = await _desk.Rest.WaitForAsync(c => c.Channel == post && c.Status == System.Net.HttpStatusCode.OK);
        Assert.Contains($"#{ticket.Number}", confirmation[0].Content, StringComparison.Ordinal);
        Assert.Empty(_desk.Rest.ThreadStarts());
        Assert.Equal(1, _desk.App.Get<TicketStore>().Count());
    }

    [Fact]
    public async Task Search_finds_Discord_tickets_by_their_source()
    {
        await _desk.App.SearchReadyAsync();
        var thread = await _desk.AskAsync(Dana, "Dana Requester", "Exports time out");
        await _desk.App.CreateTicketAsync("Exports time out in Slack too", "from the form");

        _desk.App.SearchCaughtUp();
        var found = (await _desk.App.Requests.CommandAsync("/status", "search source:discord", TestSettings.Engineer)).Text;

        Assert.Contains($"*#{_desk.TicketOf(thread).Number}* Exports time out", found, StringComparison.Ordinal);
        Assert.DoesNotContain("in Slack too", found, StringComparison.Ordinal);
    }

    public void Dispose() => _desk.Dispose();
}
