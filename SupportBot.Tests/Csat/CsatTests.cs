using System.Text.Json.Nodes;
using SupportBot.Tests.Infrastructure;
using SupportBot.Tickets;

namespace SupportBot.Tests.Csat;

/// <summary>A solved customer ticket asks its requester for a rating; only the requester's first answer counts.</summary>
public sealed class CsatTests : AppTest
{
    [Fact]
    public async Task Solving_asks_the_requester_in_the_thread_after_the_solved_message()
    {
        var number = await App.CreateTicketAsync();
        await CommandAsync("/status", $"{number} solved confirmed");

        var asks = await Slack.WaitForAsync("chat.postMessage", c => c.Text.Contains("How did we do", StringComparison.Ordinal));
        var ask = Assert.Single(asks);
        Assert.Equal(TestSettings.CustomerChannel, ask.Channel);
        Assert.Equal(Ticket(number).ThreadTs, ask.ThreadTs);
        Assert.Equal(["csat_good", "csat_ok", "csat_bad"], Buttons(ask.Args));
        var solved = Slack.Find("chat.postMessage", c => c.Text.Contains("marked", StringComparison.Ordinal)).Single();
        Assert.True(Slack.Calls.ToList().IndexOf(solved) < Slack.Calls.ToList().IndexOf(ask), "the question comes after the solved message");
    }

    [Fact]
    public async Task The_requesters_click_counts_once_and_offers_a_comment()
    {
        var number = await SolvedTicketAsync();

        await Requests.InteractAsync(Flows.ButtonPayload("csat_good", N(number), TestSettings.Customer, TestSettings.CustomerChannel));
        await Requests.InteractAsync(Flows.ButtonPayload("csat_bad", N(number), TestSettings.Customer, TestSettings.CustomerChannel));

        var csat = Ticket(number).Csat;
        Assert.NotNull(csat);
        Assert.Equal(CsatRating.Good, csat.Rating);
        Assert.Single(await Slack.WaitForAsync("views.open", IsCommentModal));
        var answers = await Slack.WaitForAsync("response_url", count: 2);
        Assert.Contains(answers, a => a.Text.Contains("already rated", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Someone_other_than_the_requester_cannot_rate()
    {
        var number = await SolvedTicketAsync();

        await Requests.InteractAsync(Flows.ButtonPayload("csat_bad", N(number), TestSettings.Engineer, TestSettings.CustomerChannel));

        Assert.Null(Ticket(number).Csat);
        var answer = Assert.Single(await Slack.WaitForAsync("response_url"));
        Assert.Contains("only the person who asked", answer.Text, StringComparison.Ordinal);
        Assert.Empty(Slack.Find("views.open", IsCommentModal));
    }

    [Fact]
    public async Task The_comment_is_kept_and_status_shows_the_rating()
    {
        var number = await SolvedTicketAsync();
        await Requests.InteractAsync(Flows.ButtonPayload("csat_ok", N(number), TestSettings.Customer, TestSettings.CustomerChannel));

        await Requests.InteractAsync(CommentSubmission(number, "Fast, but I had to ask twice."));

        Assert.Equal("Fast, but I had to ask twice.", Ticket(number).Csat!.Comment);
        var status = await CommandAsync("/status", N(number));
        Assert.Contains("CSAT: 😐 OK", status.Text, StringComparison.Ordinal);
        Assert.Contains("Fast, but I had to ask twice.", status.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_solved_Task_asks_nobody()
    {
        var parent = await App.CreateTicketAsync();
        var task = Tickets.Change(set => set.Insert(new Ticket
        {
            Subject = "Write the KB article", Kind = TicketKind.Task, TaskOf = parent, RequesterId = TestSettings.Engineer,
            ChannelId = TestSettings.SupportChannel,
        })).Number;

        await CommandAsync("/status", $"{task} solved");
        await CommandAsync("/status", $"{parent} solved confirmed");

        var asks = await Slack.WaitForAsync("chat.postMessage", c => c.Text.Contains("How did we do", StringComparison.Ordinal));
        var ask = Assert.Single(asks);
        Assert.Contains($"#{parent}", ask.Text, StringComparison.Ordinal);
    }

    private async Task<int> SolvedTicketAsync()
    {
        var number = await App.CreateTicketAsync();
        await CommandAsync("/status", $"{number} solved confirmed");
        await Slack.WaitForAsync("chat.postMessage", c => c.Text.Contains("How did we do", StringComparison.Ordinal));
        return number;
    }

    private static JsonObject CommentSubmission(int number, string comment) => new()
    {
        ["type"] = "view_submission",
        ["user"] = new JsonObject { ["id"] = TestSettings.Customer },
        ["view"] = new JsonObject
        {
            ["id"] = "V1", ["callback_id"] = "csat_comment", ["private_metadata"] = N(number),
            ["state"] = new JsonObject
            {
                ["values"] = new JsonObject
                {
                    ["comment"] = new JsonObject { ["value"] = new JsonObject { ["type"] = "plain_text_input", ["value"] = comment } },
                },
            },
        },
    };

    private static bool IsCommentModal(SlackCall call) => call.Args["view"]?["callback_id"]?.GetValue<string>() == "csat_comment";

    private static List<string> Buttons(JsonObject args) =>
        args["blocks"]!.AsArray().SelectMany(b => b!["elements"]?.AsArray() ?? [])
            .Where(e => e!["type"]?.GetValue<string>() == "button").Select(e => e!["action_id"]!.GetValue<string>()).ToList();
}

/// <summary><c>Csat:Enabled=false</c>: solving asks nothing.</summary>
public sealed class CsatDisabledTests() : AppTest(new() { ["Csat:Enabled"] = "false" })
{
    [Fact]
    public async Task No_question_when_switched_off()
    {
        var number = await App.CreateTicketAsync();
        await CommandAsync("/status", $"{number} solved confirmed");
        await Slack.WaitForAsync("chat.postMessage", c => c.Text.Contains("marked", StringComparison.Ordinal));
        // a question would be queued with the "marked" reply, in the same commit: once nothing is owed, none is coming
        Assert.True(await Eventually.TrueAsync(() => App.Get<SupportBot.Outbox.OutboxStore>().CountPending() == 0));

        Assert.Empty(Slack.Find("chat.postMessage", c => c.Text.Contains("How did we do", StringComparison.Ordinal)));
    }
}
