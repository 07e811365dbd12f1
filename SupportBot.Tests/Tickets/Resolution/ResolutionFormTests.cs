using System.Text.Json.Nodes;
using SupportBot.Tests.Infrastructure;
using SupportBot.Tickets;

namespace SupportBot.Tests.Tickets.Resolution;

/// <summary>A bare <c>/status 12 solved</c> asks how in a modal; the ticket is solved only when it is submitted.</summary>
public sealed class ResolutionFormTests : AppTest
{
    private async Task<(int Number, JsonObject View)> OpenAsync()
    {
        var number = await App.CreateTicketAsync();
        await CommandAsync("/take", N(number));
        var answer = await CommandAsync("/status", $"{number} solved");
        Assert.Contains("resolution form", answer.Text, StringComparison.Ordinal);
        var view = Assert.Single(await Slack.WaitForAsync("views.open", IsResolutionForm)).Args["view"]!.AsObject();
        return (number, view);
    }

    private static bool IsResolutionForm(SlackCall call) => call.Args["view"]?["callback_id"]?.GetValue<string>() == "resolve_ticket";

    private static JsonObject Submission(JsonObject view, string path, string? link, string? note, string user = TestSettings.Engineer) => new()
    {
        ["type"] = "view_submission",
        ["user"] = new JsonObject { ["id"] = user },
        ["view"] = new JsonObject
        {
            ["id"] = "V" + Guid.NewGuid().ToString("N")[..10],
            ["callback_id"] = view["callback_id"]!.GetValue<string>(),
            ["private_metadata"] = view["private_metadata"]!.GetValue<string>(),
            ["state"] = new JsonObject
            {
                ["values"] = new JsonObject
                {
                    ["path"] = new JsonObject { ["value"] = new JsonObject { ["type"] = "static_select", ["selected_option"] = new JsonObject { ["value"] = path } } },
                    ["link"] = new JsonObject { ["value"] = new JsonObject { ["type"] = "plain_text_input", ["value"] = link } },
                    ["note"] = new JsonObject { ["value"] = new JsonObject { ["type"] = "plain_text_input", ["value"] = note } },
                },
            },
        },
    };

    [Fact]
    public async Task The_form_offers_every_path_confirmed_first_and_nothing_is_solved_yet()
    {
        var (number, view) = await OpenAsync();

        var select = view["blocks"]![0]!["element"]!.AsObject();
        Assert.Equal("confirmed", select["initial_option"]!["value"]!.GetValue<string>());
        Assert.Equal(["confirmed", "workaround", "no-reply", "defect", "feature", "security", "unreachable"],
            select["options"]!.AsArray().Select(o => o!["value"]!.GetValue<string>()));
        Assert.NotEqual(TicketStatus.Solved, Ticket(number).Status);
    }

    [Fact]
    public async Task Submitting_solves_with_the_chosen_path_link_and_note()
    {
        var (number, view) = await OpenAsync();

        var response = await Requests.InteractAsync(Submission(view, "feature", "https://github.com/acme/tracker/issues/5", "wants SAML groups"));

        Assert.Equal("", await response.Content.ReadAsStringAsync());
        var resolution = Ticket(number).Resolution!;
        Assert.Equal(TicketStatus.Solved, Ticket(number).Status);
        Assert.Equal((ResolutionPath.Feature, "https://github.com/acme/tracker/issues/5", "wants SAML groups"),
            (resolution.Path, resolution.Link, resolution.Note));
    }

    [Theory]
    [InlineData("security", null, "security issue link")]
    [InlineData("defect", "not a url", "not a valid link")]
    public async Task A_missing_or_malformed_link_is_shown_next_to_the_link_field(string path, string? link, string error)
    {
        var (number, view) = await OpenAsync();

        var response = await Requests.InteractAsync(Submission(view, path, link, null));

        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("errors", body["response_action"]!.GetValue<string>());
        Assert.Contains(error, body["errors"]!["link"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.NotEqual(TicketStatus.Solved, Ticket(number).Status);
    }

    [Fact]
    public async Task A_task_solves_with_a_bare_solved_and_no_form()
    {
        var number = await App.CreateTicketAsync("Parent");
        Tickets.Change(set =>
        {
            var t = set.Find(number)!;
            t.Kind = TicketKind.Task;
            set.Update(t);
            return true;
        });

        var answer = await CommandAsync("/status", $"{number} solved");

        Assert.Contains("now *Solved*", answer.Text, StringComparison.Ordinal);
        Assert.Null(Ticket(number).Resolution);
        Assert.Empty(Slack.Find("views.open", IsResolutionForm));
    }
}
