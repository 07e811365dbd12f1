using System.Net;
using System.Text.Json.Nodes;
using SupportBot.Tests.Infrastructure;
using SupportBot.Tickets;

namespace SupportBot.Tests.Tickets;

/// <summary>The request form → ticket path: button or shortcut, modal, submission, confirmation and triage card.</summary>
public sealed class RequestFormTests : AppTest
{
    private async Task<JsonObject> OpenFormAsync(JsonObject payload)
    {
        var before = Slack.Find("views.open").Count;
        var response = await Requests.InteractAsync(payload);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var views = await Slack.WaitForAsync("views.open", count: before + 1);
        Assert.True(views.Count > before, "no views.open");
        return views[^1].Args;
    }

    private static JsonObject Button() =>
        Flows.ButtonPayload("open_request_form", "", TestSettings.Customer, TestSettings.CustomerChannel);

    private static JsonObject Shortcut(string text, string ts, string? threadTs = null) => new()
    {
        ["type"] = "message_action",
        ["callback_id"] = "create_ticket",
        ["trigger_id"] = "2.trigger",
        ["user"] = new JsonObject { ["id"] = TestSettings.Customer, ["name"] = "u_cust1" },
        ["channel"] = new JsonObject { ["id"] = TestSettings.CustomerChannel },
        ["message_ts"] = ts,
        ["message"] = new JsonObject { ["ts"] = ts, ["thread_ts"] = threadTs, ["text"] = text, ["user"] = TestSettings.Customer },
        ["response_url"] = "https://hooks.slack.test/actions/2",
    };

    private static JsonObject Block(JsonObject view, string blockId) =>
        view["blocks"]!.AsArray().Single(b => b!["block_id"]?.GetValue<string>() == blockId)!.AsObject();

    [Fact]
    public async Task The_request_button_opens_a_modal_with_subject_description_and_priority()
    {
        var call = await OpenFormAsync(Button());

        Assert.Equal("1.trigger", call["trigger_id"]!.GetValue<string>());
        var view = call["view"]!.AsObject();
        Assert.Equal("modal", view["type"]!.GetValue<string>());
        Assert.Equal("plain_text_input", Block(view, "subject")["element"]!["type"]!.GetValue<string>());
        Assert.True(Block(view, "description")["element"]!["multiline"]!.GetValue<bool>());
        var priority = Block(view, "priority")["element"]!.AsObject();
        Assert.Equal("static_select", priority["type"]!.GetValue<string>());
        Assert.Equal(["Urgent", "High", "Normal", "Low"], priority["options"]!.AsArray().Select(o => o!["value"]!.GetValue<string>()));
        Assert.Equal("Normal", priority["initial_option"]!["value"]!.GetValue<string>());
    }

    [Fact]
    public async Task Submissions_create_sequential_new_tickets_with_the_customers_details()
    {
        var first = await App.CreateTicketAsync("Search times out", "Since 5.2", "High");
        var second = await App.CreateTicketAsync("Login loops");

        Assert.Equal((1, 2), (first, second));
        var ticket = Ticket(1);
        Assert.Equal("Search times out", ticket.Subject);
        Assert.Equal("Since 5.2", ticket.Description);
        Assert.Equal(Priority.High, ticket.Priority);
        Assert.Equal(TicketStatus.New, ticket.Status);
        Assert.Equal(TicketSource.RequestForm, ticket.Source);
        Assert.Equal(TestSettings.Customer, ticket.RequesterId);
        Assert.Equal(TestSettings.CustomerChannel, ticket.ChannelId);
        Assert.Equal("Acme Corp", ticket.CustomerName);
        Assert.Equal("Enterprise", ticket.Tier);
        Assert.Equal(TestSettings.Ce, ticket.CeId);
        Assert.Null(ticket.AssigneeId);
        Assert.Equal(App.Time.GetUtcNow().UtcDateTime, ticket.CreatedAt, TimeSpan.FromSeconds(1));
        Assert.Equal(Priority.Normal, Ticket(2).Priority);
    }

    [Fact]
    public async Task The_confirmation_in_the_customer_channel_names_the_ticket_and_becomes_its_thread()
    {
        var number = await App.CreateTicketAsync("Search times out");

        var confirmations = await Slack.WaitForAsync("chat.postMessage",
            c => c.Channel == TestSettings.CustomerChannel && c.Text.Contains($"#{number}", StringComparison.Ordinal));
        var confirmation = Assert.Single(confirmations);
        Assert.Null(confirmation.ThreadTs);
        Assert.Contains("<@U_CUST1>", confirmation.Text, StringComparison.Ordinal);
        Assert.True(await Eventually.TrueAsync(() => Ticket(number).ThreadTs == confirmation.AnswerTs), "ThreadTs not recorded");
    }

    [Fact]
    public async Task The_triage_card_names_the_ticket_customer_tier_ce_priority_and_offers_take()
    {
        var number = await App.CreateTicketAsync("Search times out", priority: "Urgent");

        var card = Assert.Single(Slack.Find("chat.postMessage", c => c.Channel == TestSettings.SupportChannel));
        foreach (var expected in new[] { $"#{number}", "Search times out", "Acme Corp", "Enterprise", "<@U_CE1>", "<@U_CUST1>", "Urgent", "New" })
            Assert.Contains(expected, card.Text, StringComparison.Ordinal);
        var button = card.Args["blocks"]!.AsArray()
            .SelectMany(b => b!["elements"]?.AsArray() ?? [])
            .Single(e => e!["type"]!.GetValue<string>() == "button")!;
        Assert.Equal("take_ticket", button["action_id"]!.GetValue<string>());
        Assert.Equal(N(number), button["value"]!.GetValue<string>());
        Assert.Equal("Take", button["text"]!["text"]!.GetValue<string>());
        Assert.True(await Eventually.TrueAsync(() => Ticket(number).TriageTs == card.AnswerTs), "TriageTs not recorded");
    }

    [Fact]
    public async Task The_triage_card_links_to_the_customer_thread_once_it_exists()
    {
        var number = await App.CreateTicketAsync("Search times out");
        Assert.True(await Eventually.TrueAsync(() => Ticket(number).ThreadTs is not null));
        var thread = Ticket(number).ThreadTs!;

        await CommandAsync("/take", N(number));

        var updates = await Slack.WaitForAsync("chat.update", c => c.Channel == TestSettings.SupportChannel);
        var link = $"https://slack.com/archives/{TestSettings.CustomerChannel}/p{thread.Replace(".", "", StringComparison.Ordinal)}";
        Assert.Contains(link, Assert.Single(updates).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_message_shortcut_prefills_the_description_and_answers_in_the_messages_thread()
    {
        var call = await OpenFormAsync(Shortcut("Our nightly export fails with <error 42>", "1700000001.000200"));
        var view = call["view"]!.AsObject();
        Assert.Equal("Our nightly export fails with <error 42>",
            Block(view, "description")["element"]!["initial_value"]!.GetValue<string>());

        var submit = await Requests.InteractAsync(Flows.SubmissionPayload(view, TestSettings.Customer, "Export fails", "Our nightly export fails", "Normal"));
        Assert.Equal(HttpStatusCode.OK, submit.StatusCode);
        var number = await App.WaitForTicketNumberAsync("Export fails");

        var confirmations = await Slack.WaitForAsync("chat.postMessage",
            c => c.Channel == TestSettings.CustomerChannel && c.Text.Contains($"#{number}", StringComparison.Ordinal));
        Assert.Equal("1700000001.000200", Assert.Single(confirmations).ThreadTs);
        Assert.Equal("1700000001.000200", Ticket(number).ThreadTs);
        Assert.Equal(TicketSource.MessageShortcut, Ticket(number).Source);
    }

    [Fact]
    public async Task A_shortcut_on_a_thread_reply_keeps_the_ticket_in_that_thread()
    {
        var call = await OpenFormAsync(Shortcut("a reply", "1700000009.000100", threadTs: "1700000005.000100"));

        await Requests.InteractAsync(Flows.SubmissionPayload(call["view"]!.AsObject(), TestSettings.Customer, "From a reply", "a reply", "Low"));
        var number = await App.WaitForTicketNumberAsync("From a reply");

        Assert.Equal("1700000005.000100", Ticket(number).ThreadTs);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public async Task A_blank_subject_is_refused_with_errors_and_creates_nothing(string subject)
    {
        var view = (await OpenFormAsync(Button()))["view"]!.AsObject();

        var response = await Requests.InteractAsync(Flows.SubmissionPayload(view, TestSettings.Customer, subject, "text", "Normal"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var answer = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("errors", answer["response_action"]!.GetValue<string>());
        Assert.False(string.IsNullOrWhiteSpace(answer["errors"]!["subject"]!.GetValue<string>()));
        Assert.Equal(0, Tickets.Count());
        Assert.Empty(Slack.Find("chat.postMessage"));
    }

    [Fact]
    public async Task An_unknown_priority_is_refused_on_its_field()
    {
        var view = (await OpenFormAsync(Button()))["view"]!.AsObject();

        var response = await Requests.InteractAsync(Flows.SubmissionPayload(view, TestSettings.Customer, "Subject", "text", "Whenever"));

        var answer = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("errors", answer["response_action"]!.GetValue<string>());
        Assert.NotNull(answer["errors"]!["priority"]);
        Assert.Equal(0, Tickets.Count());
    }

    [Fact]
    public async Task User_text_is_escaped_so_it_cannot_ping_the_channel()
    {
        const string subject = "<!channel> everything is down & more";
        var view = (await OpenFormAsync(Button()))["view"]!.AsObject();
        await Requests.InteractAsync(Flows.SubmissionPayload(view, TestSettings.Customer, subject, "<@U_ENG1> <!here>", "Normal"));

        var number = await App.WaitForTicketNumberAsync("&lt;!channel&gt; everything is down &amp; more");
        await Slack.WaitForAsync("chat.postMessage", c => c.Channel == TestSettings.CustomerChannel);
        await CommandAsync("/take", N(number));
        await Slack.WaitForAsync("chat.update");

        var posted = Slack.Calls.Where(c => c.Method is "chat.postMessage" or "chat.update").ToList();
        Assert.True(posted.Count >= 3);
        Assert.All(posted, c => Assert.DoesNotContain("<!channel>", c.Text, StringComparison.Ordinal));
        Assert.All(posted, c => Assert.DoesNotContain("<!here>", c.Text, StringComparison.Ordinal));
        Assert.Contains(posted, c => c.Channel == TestSettings.CustomerChannel && c.Text.Contains("&lt;!channel&gt;", StringComparison.Ordinal));
        Assert.Equal(subject, Ticket(number).Subject);
        var details = await CommandAsync("/status", N(number));
        Assert.DoesNotContain("<!channel>", details.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("<!here>", details.Text, StringComparison.Ordinal);
    }
}
