using System.Text.Json.Nodes;
using SupportBot.Tests.Infrastructure;
using SupportBot.Tests.Threads;
using SupportBot.Tickets;

namespace SupportBot.Tests.Work;

public sealed class NoteTests : AppTest
{
    [Fact]
    public async Task A_note_is_kept_with_author_and_shown_in_status_but_never_posted_to_the_customer()
    {
        var number = await App.CreateTicketAsync("Proxy trouble");

        var answer = await CommandAsync("/status", $"{N(number)} note Customer runs 5.2 behind a proxy <b>");

        Assert.Contains("internal note", answer.Text, StringComparison.Ordinal);
        var note = Assert.Single(Ticket(number).Notes);
        Assert.Equal(TestSettings.Engineer, note.AuthorId);
        Assert.Equal("Customer runs 5.2 behind a proxy <b>", note.Text);
        var status = await CommandAsync("/status", N(number));
        Assert.Contains("behind a proxy &lt;b&gt;", status.Text, StringComparison.Ordinal);
        Assert.Contains(Ticket(number).History, h => h.What.Contains("internal note", StringComparison.Ordinal));
        // a note is for the team: nothing posts its words anywhere, now or a moment later
        Assert.False(await Eventually.TrueAsync(() => App.Slack.Find("chat.postMessage").Any(c => c.Text.Contains("proxy", StringComparison.Ordinal)), 300));
    }

    [Fact]
    public async Task An_empty_note_is_refused_with_an_example()
    {
        var number = await App.CreateTicketAsync("Proxy trouble");

        var empty = await CommandAsync("/status", $"{N(number)} note   ");

        Assert.Contains("Write the note", empty.Text, StringComparison.Ordinal);
        Assert.Empty(Ticket(number).Notes);
    }

    [Fact]
    public async Task A_team_reply_under_the_triage_card_is_a_note_once_and_not_a_first_response()
    {
        var number = await App.CreateTicketAsync("Indexer bug");
        var card = (await App.WaitForTicketAsync(number, t => t.TriageTs is not null)).TriageTs!;
        var reply = ThreadEvents.Message(TestSettings.SupportChannel, TestSettings.Engineer2, "Known indexer bug, see INC-42", card);

        await App.SendAsync(reply);
        await App.SendAsync(reply, retryNum: 1); // Slack's retry of the same message
        await App.SendAsync(ThreadEvents.Message(TestSettings.SupportChannel, TestSettings.Customer, "a customer in the wrong channel", card));
        await App.ReplyAsync(await App.ThreadOfAsync(number), TestSettings.Customer, "sentinel");

        var ticket = await App.WaitForTicketAsync(number, t => t.Conversation.CustomerReplies == 1);
        var note = Assert.Single(ticket.Notes);
        Assert.Equal("Known indexer bug, see INC-42", note.Text);
        Assert.Equal(TestSettings.Engineer2, note.AuthorId);
        Assert.Equal(TicketStatus.New, ticket.Status);
        Assert.Null(ticket.FirstResponseAt);
        Assert.Equal(0, ticket.Conversation.TeamReplies);
    }

    [Fact]
    public async Task The_add_note_shortcut_records_a_thread_message_and_refuses_outsiders_and_strangers()
    {
        var number = await App.CreateTicketAsync("Shortcut note");
        var thread = await App.ThreadOfAsync(number);

        var outsider = await Shortcut(TestSettings.Customer, TestSettings.CustomerChannel, "1.5", thread, "from the customer");
        var stranger = await Shortcut(TestSettings.Engineer, TestSettings.CustomerChannel, "9.5", "9.0", "not a ticket thread");
        var done = await Shortcut(TestSettings.Engineer, TestSettings.CustomerChannel, "1.6", thread, "Logs attached: heap is full", TestSettings.Customer);
        var again = await Shortcut(TestSettings.Engineer2, TestSettings.CustomerChannel, "1.6", thread, "Logs attached: heap is full", TestSettings.Customer);

        Assert.Contains("only the support team", outsider, StringComparison.Ordinal);
        Assert.Contains("not in a ticket's thread", stranger, StringComparison.Ordinal);
        Assert.Contains($"#{N(number)} as an internal note", done, StringComparison.Ordinal);
        Assert.Contains("already a note", again, StringComparison.Ordinal);
        var note = Assert.Single(Ticket(number).Notes);
        Assert.Equal(TestSettings.Customer, note.AuthorId);
        Assert.Equal("Logs attached: heap is full", note.Text);
    }

    [Fact]
    public async Task Notes_survive_a_restart()
    {
        var number = await App.CreateTicketAsync("Restart me");
        await CommandAsync("/status", $"{N(number)} note kept across restarts");
        App.Dispose();

        using var second = new SupportBotApp(dbPath: App.DbPath, time: App.Time);
        var status = await second.Requests.CommandAsync("/status", N(number), TestSettings.Engineer);

        Assert.Contains("kept across restarts", status.Text, StringComparison.Ordinal);
    }

    private int _answers;

    /// <summary>Runs the message shortcut and returns what it answered through the response URL.</summary>
    private async Task<string> Shortcut(string user, string channel, string ts, string threadTs, string text, string? author = null)
    {
        var url = $"https://hooks.slack.test/note/{++_answers}";
        var payload = new JsonObject
        {
            ["type"] = "message_action", ["callback_id"] = "add_note", ["trigger_id"] = "1.t", ["response_url"] = url,
            ["user"] = new JsonObject { ["id"] = user }, ["channel"] = new JsonObject { ["id"] = channel },
            ["message"] = new JsonObject { ["ts"] = ts, ["thread_ts"] = threadTs, ["text"] = text, ["user"] = author ?? user },
        };
        (await Requests.InteractAsync(payload)).EnsureSuccessStatusCode();
        var answer = await App.Slack.WaitForAsync("response_url", c => c.Url == url);
        return Assert.Single(answer).Text;
    }
}

public sealed class NoteBlocksTests : AppTest
{
    [Fact]
    public async Task Status_shows_a_context_block_per_note_and_a_take_button_inside_slacks_limits()
    {
        var number = await App.CreateTicketAsync("Blocks");
        for (var i = 0; i < 12; i++)
            await CommandAsync("/status", $"{N(number)} note note {i} " + new string('<', 600));

        var answer = await CommandAsync("/status", N(number));

        var blocks = JsonNode.Parse(answer.Body)!["blocks"]!.AsArray();
        var notes = blocks.Where(b => (string?)b!["type"] == "context" && b["elements"]![0]!["text"]!.GetValue<string>().StartsWith("<@", StringComparison.Ordinal)).ToList();
        Assert.Equal(10, notes.Count); // the last ten of twelve
        Assert.Contains(blocks, b => (string?)b!["type"] == "context" && b["elements"]![0]!["text"]!.GetValue<string>().Contains("the last 10 of 12", StringComparison.Ordinal));
        Assert.Contains(blocks, b => (string?)b!["type"] == "actions");
        Assert.All(blocks.Where(b => (string?)b!["type"] == "section"), b => Assert.True(b!["text"]!["text"]!.GetValue<string>().Length <= 3000));
        Assert.All(notes, b => Assert.True(b!["elements"]![0]!["text"]!.GetValue<string>().Length <= 3000));
        Assert.True(blocks.Count <= 50);
        Assert.Contains("note 11", answer.Text, StringComparison.Ordinal);
    }
}
