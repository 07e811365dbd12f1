using System.Text.Json.Nodes;
using SupportBot.Ai;
using SupportBot.Tests.Infrastructure;

namespace SupportBot.Tests.Ai;

public sealed class DraftTests : ModelTest
{
    [Fact]
    public async Task A_draft_reaches_the_customer_only_when_the_engineer_presses_Send()
    {
        var n = await App.CreateTicketAsync("Exports fail with a 502", "Nightly CSV export fails since Monday.");

        await CommandAsync($"{N(n)} draft");
        var draft = await PrivateAnswerAsync("Draft answer for #1");

        const string expected = "Hi, thanks for the details about \"Exports fail with a 502\". Could you send us the logs?";
        Assert.Contains(expected, draft.Text, StringComparison.Ordinal);
        Assert.Empty(ToCustomer(expected));
        var send = Button(draft, DraftMessage.SendActionId);

        (await App.Requests.InteractAsync(Flows.ButtonPayload(DraftMessage.SendActionId, send, TestSettings.Engineer,
            TestSettings.SupportChannel, "https://hooks.slack.test/actions/draft"))).EnsureSuccessStatusCode();

        var posted = await Slack.WaitForAsync("chat.postMessage", c => c.Channel == TestSettings.CustomerChannel && c.Text.Contains("Could you send us the logs?", StringComparison.Ordinal));
        Assert.Contains("Exports fail with a 502", Assert.Single(posted).Text, StringComparison.Ordinal);
        var replaced = await PrivateAnswerAsync("Sending the drafted answer on *#1*");
        Assert.True(replaced.Args["replace_original"]!.GetValue<bool>());
        Assert.Contains(Ticket(n).Conversation.Entries, e => e.FromTeam && e.Text == expected);
    }

    [Fact]
    public async Task Edit_opens_the_draft_in_a_form_and_its_submission_sends_the_edited_text()
    {
        var n = await App.CreateTicketAsync("Exports fail with a 502");
        await CommandAsync($"{N(n)} draft");
        var draft = await PrivateAnswerAsync("Draft answer for #1");

        (await App.Requests.InteractAsync(Flows.ButtonPayload(DraftMessage.EditActionId, Button(draft, DraftMessage.EditActionId),
            TestSettings.Engineer, TestSettings.SupportChannel, "https://hooks.slack.test/actions/draft"))).EnsureSuccessStatusCode();
        var view = (await Slack.WaitForAsync("views.open", count: 2))[^1].Args["view"]!.AsObject(); // the first was the request form
        Assert.Contains("Could you send us the logs?", view.ToJsonString(), StringComparison.Ordinal);
        Assert.Empty(ToCustomer("Could you send us the logs?"));

        (await App.Requests.InteractAsync(Submission(view, "Hello! Please attach the export log from Monday."))).EnsureSuccessStatusCode();

        await Slack.WaitForAsync("chat.postMessage", c => c.Channel == TestSettings.CustomerChannel && c.Text.Contains("Please attach the export log from Monday.", StringComparison.Ordinal));
        Assert.Empty(ToCustomer("Could you send us the logs?"));
        Assert.True((await PrivateAnswerAsync("Sending your edited answer on *#1*")).Args["replace_original"]!.GetValue<bool>());
    }

    private IReadOnlyList<SlackCall> ToCustomer(string text) =>
        Slack.Find("chat.postMessage", c => c.Channel == TestSettings.CustomerChannel && c.Text.Contains(text, StringComparison.Ordinal));

    private static string Button(SlackCall message, string actionId) =>
        message.Args["blocks"]!.AsArray().SelectMany(b => b?["elements"]?.AsArray() ?? [])
            .First(e => e?["action_id"]?.GetValue<string>() == actionId)!["value"]!.GetValue<string>();

    private static JsonObject Submission(JsonObject view, string text) => new()
    {
        ["type"] = "view_submission",
        ["user"] = new JsonObject { ["id"] = TestSettings.Engineer },
        ["view"] = new JsonObject
        {
            ["id"] = "VDRAFT1", ["callback_id"] = view["callback_id"]!.GetValue<string>(),
            ["private_metadata"] = view["private_metadata"]!.GetValue<string>(),
            ["state"] = new JsonObject
            {
                ["values"] = new JsonObject
                {
                    [DraftEditForm.TextBlock] = new JsonObject
                    {
                        [DraftEditForm.InputAction] = new JsonObject { ["type"] = "plain_text_input", ["value"] = text },
                    },
                },
            },
        },
    };
}
