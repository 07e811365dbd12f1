using System.Net;
using System.Text.Json.Nodes;
using SupportBot.Tests.Infrastructure;

namespace SupportBot.Tests.Tickets;

/// <summary>Requests the intake must refuse rather than store: a message ticketed twice, a priority outside the list.</summary>
public sealed class IntakeRefusalTests : AppTest
{
    private const string MessageTs = "1700000001.000300";

    private static JsonObject Shortcut(string trigger) => new()
    {
        ["type"] = "message_action",
        ["callback_id"] = "create_ticket",
        ["trigger_id"] = trigger,
        ["user"] = new JsonObject { ["id"] = TestSettings.Customer, ["name"] = "u_cust1" },
        ["channel"] = new JsonObject { ["id"] = TestSettings.CustomerChannel },
        ["message_ts"] = MessageTs,
        ["message"] = new JsonObject { ["ts"] = MessageTs, ["text"] = "Exports fail", ["user"] = TestSettings.Customer },
        ["response_url"] = "https://hooks.slack.test/actions/" + trigger,
    };

    private async Task<JsonObject> OpenAsync(JsonObject payload)
    {
        var before = Slack.Find("views.open").Count;
        (await Requests.InteractAsync(payload)).EnsureSuccessStatusCode();
        var views = await Slack.WaitForAsync("views.open", count: before + 1);
        Assert.True(views.Count > before, "no form opened");
        return views[^1].Args["view"]!.AsObject();
    }

    [Fact]
    public async Task The_shortcut_used_again_on_a_ticketed_message_answers_with_its_number_and_opens_no_form()
    {
        var view = await OpenAsync(Shortcut("1.first"));
        await Requests.InteractAsync(Flows.SubmissionPayload(view, TestSettings.Customer, "Exports fail", "Exports fail", "Normal"));
        var number = await App.WaitForTicketNumberAsync("Exports fail");

        (await Requests.InteractAsync(Shortcut("2.second"))).EnsureSuccessStatusCode();

        var answer = await Slack.WaitForAsync("response_url", c => c.Url.EndsWith("/2.second", StringComparison.Ordinal));
        Assert.Contains($"This message is already #{number}", Assert.Single(answer).Text, StringComparison.Ordinal);
        Assert.Single(Slack.Find("views.open"));
        Assert.Equal(1, Tickets.Count());
    }

    [Fact]
    public async Task Two_forms_opened_on_one_message_make_one_ticket_and_the_second_submission_is_told_its_number()
    {
        var first = await OpenAsync(Shortcut("1.first"));
        var second = await OpenAsync(Shortcut("2.second"));
        await Requests.InteractAsync(Flows.SubmissionPayload(first, TestSettings.Customer, "Exports fail", "d", "Normal"));

        using var response = await Requests.InteractAsync(Flows.SubmissionPayload(second, TestSettings.Customer, "Exports fail again", "d", "Normal"));

        var answer = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("errors", answer["response_action"]?.GetValue<string>());
        Assert.Contains("already #1", answer["errors"]!["subject"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(1, Tickets.Count());
    }

    [Theory]
    [InlineData("99")]
    [InlineData("-1")]
    public async Task A_priority_number_outside_the_list_is_refused_on_its_field(string priority)
    {
        var view = await OpenAsync(Flows.ButtonPayload("open_request_form", "", TestSettings.Customer, TestSettings.CustomerChannel));

        using var response = await Requests.InteractAsync(Flows.SubmissionPayload(view, TestSettings.Customer, "Subject", "text", priority));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var answer = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("errors", answer["response_action"]?.GetValue<string>());
        Assert.NotNull(answer["errors"]!["priority"]);
        Assert.Equal(0, Tickets.Count());
    }
}
