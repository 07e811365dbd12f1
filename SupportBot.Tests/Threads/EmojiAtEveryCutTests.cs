using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using SupportBot.Tests.Infrastructure;
using SupportBot.Threads;

using SupportBot.Tickets;

namespace SupportBot.Tests.Threads;

/// <summary>
/// Real-world text never loses a ticket or a reply: an emoji where the bot cuts (a subject from a first line, the
/// conversation cap, a description, a follow-up, an edit, a modal prefill, a quoted word) used to leave half a
/// surrogate pair, which LiteDB refuses to store; the event was retried, dropped, and the ticket never existed.
/// </summary>
public sealed class EmojiAtEveryCutTests : AppTest
{
    private static readonly UTF8Encoding Strict = new(false, true);

    private static void AssertWhole(string text) => _ = Strict.GetBytes(text);

    [Theory]
    [InlineData("🙂", 117)]
    [InlineData("🙂", 118)]
    [InlineData("🙂", 119)]
    [InlineData("👩‍💻", 116)]
    [InlineData("👩‍💻", 118)]
    [InlineData("🇳🇱", 119)]
    public async Task A_help_post_with_an_emoji_where_its_subject_is_cut_becomes_a_ticket(string emoji, int at)
    {
        var text = new string('x', at) + emoji + " the rest of a long first line that goes on";

        (await App.SendAsync(ThreadEvents.Message(TestSettings.HelpChannel, "U_COMMUNITY", text))).EnsureSuccessStatusCode();

        await App.WaitForTicketCountAsync(1);
        var ticket = Ticket(1);
        Assert.True(ticket.Subject.Length <= 120);
        AssertWhole(ticket.Subject);
        Assert.Equal(text, ticket.Description);
    }

    [Theory]
    [InlineData(998)]
    [InlineData(999)]
    [InlineData(1000)]
    public async Task A_long_thread_reply_with_an_emoji_near_the_cap_is_recorded(int at)
    {
        var number = await App.CreateTicketAsync();
        var thread = await App.ThreadOfAsync(number);
        var reply = new string('r', at) + "👍🏽" + new string('s', 1600 - at);

        await App.ReplyAsync(thread, TestSettings.Customer, reply);

        var ticket = await App.WaitForTicketAsync(number, t => t.Conversation.Count == 1);
        var text = Assert.Single(ticket.Conversation.Entries).Text;
        Assert.True(text.Length <= Conversation.MaxText);
        AssertWhole(text);
    }

    [Fact]
    public async Task An_edit_that_puts_an_emoji_at_the_cap_replaces_the_recorded_text()
    {
        var number = await App.CreateTicketAsync();
        var thread = await App.ThreadOfAsync(number);
        var ts = await App.ReplyAsync(thread, TestSettings.Customer, "first version");
        await App.WaitForTicketAsync(number, t => t.Conversation.Count == 1);
        var edited = new string('e', 998) + "🙂" + new string('f', 600);

        await App.SendAsync(new JsonObject
        {
            ["type"] = "message", ["subtype"] = "message_changed", ["channel"] = TestSettings.CustomerChannel, ["ts"] = ThreadEvents.NextTs(),
            ["message"] = ThreadEvents.Message(TestSettings.CustomerChannel, TestSettings.Customer, edited, thread, ts),
        });

        var ticket = await App.WaitForTicketAsync(number, t => t.Conversation.Entries[0].EditedAt is not null);
        AssertWhole(ticket.Conversation.Entries[0].Text);
    }

    [Fact]
    public async Task A_reply_to_a_closed_ticket_with_an_emoji_at_the_description_limit_opens_its_follow_up()
    {
        var number = await App.CreateTicketAsync();
        var thread = await App.ThreadOfAsync(number);
        await CommandAsync("/status", $"{N(number)} solved confirmed");
        await CommandAsync("/status", $"{N(number)} closed");
        var reply = new string('c', 2999) + "🙂" + new string('d', 200);

        await App.ReplyAsync(thread, TestSettings.Customer, reply);

        await App.WaitForTicketCountAsync(2);
        var followUp = Ticket(2);
        Assert.Equal(number, followUp.FollowUpOf);
        Assert.True(followUp.Description.Length <= 3000);
        AssertWhole(followUp.Description);
        AssertWhole(Assert.Single(followUp.Conversation.Entries).Text);
    }

    [Fact]
    public async Task A_ticket_emoji_on_a_long_message_with_an_emoji_at_the_limit_makes_its_ticket()
    {
        var ts = ThreadEvents.NextTs();
        var text = new string('m', 118) + "🙂\n" + new string('n', 2878) + "🙂" + new string('o', 50);
        Slack.Workspace.AddMessage(TestSettings.CustomerChannel, ts, TestSettings.Customer, text);

        await App.SendAsync(ThreadEvents.Reaction(TestSettings.Engineer, TestSettings.CustomerChannel, ts));

        await App.WaitForTicketCountAsync(1);
        AssertWhole(Ticket(1).Subject);
        AssertWhole(Ticket(1).Description);
        Assert.True(Ticket(1).Description.Length <= 3000);
    }

    [Fact]
    public async Task The_shortcut_prefill_is_cut_before_an_emoji_at_the_limit_and_reads_as_text()
    {
        var text = "From <@U_CUST1|carol>: export &lt;nightly&gt; fails " + new string('p', 2950) + "👩‍💻👩‍💻";
        var payload = new JsonObject
        {
            ["type"] = "message_action", ["callback_id"] = "create_ticket", ["trigger_id"] = "2.trigger",
            ["user"] = new JsonObject { ["id"] = TestSettings.Customer, ["name"] = "u_cust1" },
            ["channel"] = new JsonObject { ["id"] = TestSettings.CustomerChannel },
            ["message_ts"] = "1700000001.000300",
            ["message"] = new JsonObject { ["ts"] = "1700000001.000300", ["text"] = text, ["user"] = TestSettings.Customer },
        };

        Assert.Equal(HttpStatusCode.OK, (await Requests.InteractAsync(payload)).StatusCode);

        var view = (await Slack.WaitForAsync("views.open"))[0].Args["view"]!;
        var prefill = view["blocks"]!.AsArray().Single(b => b!["block_id"]?.GetValue<string>() == "description")!["element"]!["initial_value"]!
            .GetValue<string>();
        Assert.StartsWith("From @carol: export <nightly> fails ppp", prefill, StringComparison.Ordinal);
        Assert.True(prefill.Length <= 3000);
        AssertWhole(prefill);
    }

    [Fact]
    public async Task A_quoted_unknown_word_with_an_emoji_at_the_quote_limit_reads_whole()
    {
        var answer = await CommandAsync("/status", new string('w', 79) + "🙂🙂");

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Contains(new string('w', 79) + "…", answer.Text, StringComparison.Ordinal);
        AssertWhole(answer.Text);
    }
}
