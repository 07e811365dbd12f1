using System.Text.Json.Nodes;
using SupportBot.Macros;
using SupportBot.Tests.Infrastructure;
using SupportBot.Tickets;

namespace SupportBot.Tests.Macros;

/// <summary><c>/status macros</c>: the saved replies written, checked, edited and deleted in Slack's modals.</summary>
public sealed class MacroModalTests : AppTest
{
    private MacroStore Macros => App.Get<MacroStore>();

    private async Task<JsonObject> PushedAsync(int count)
    {
        var view = (await Slack.WaitForAsync("views.push", count: count))[^1].Args["view"]!.AsObject();
        view["id"] = "V_FORM" + count;
        return view;
    }

    private async Task<JsonObject> ListUpdateAsync(int count, string viewId = "V_LIST") =>
        (await Slack.WaitForAsync("views.update", c => c.Args["view_id"]?.GetValue<string>() == viewId, count))[^1].Args["view"]!.AsObject();

    private static string ListText(JsonObject view) => view.ToJsonString();

    [Fact]
    public async Task The_first_reply_is_written_in_the_form_then_added_edited_and_deleted_from_the_list()
    {
        var form = await App.OpenMacrosAsync("V_FIRST");
        Assert.Equal(MacroForm.CallbackId, form["callback_id"]!.GetValue<string>());
        Assert.Equal("", await App.SubmitFormAsync(form, "logs", "Hi {requester}, could you send the logs?", nameof(TicketStatus.Pending)));
        var saved = Macros.Named("LOGS")!;
        Assert.Equal(("logs", TicketStatus.Pending, TestSettings.Engineer), (saved.Name, saved.Status, saved.CreatedBy));

        var list = await App.OpenMacrosAsync("V_LIST");
        Assert.Equal(MacroList.CallbackId, list["callback_id"]!.GetValue<string>());
        Assert.Contains("could you send the logs?", ListText(list), StringComparison.Ordinal);

        await App.PressAsync(list, MacroList.AddAction);
        var add = await PushedAsync(1);
        Assert.Null(MacroFlows.Initial(add, MacroForm.NameBlock));
        Assert.Equal("", await App.SubmitFormAsync(add, "need-versions", "Which version runs on {ticket}?"));
        Assert.Contains("need-versions", ListText(await ListUpdateAsync(1)), StringComparison.Ordinal);
        Assert.Null(Macros.Named("need-versions")!.Status);

        await App.PressAsync(list, MacroList.EditAction, "logs");
        var edit = await PushedAsync(2);
        Assert.Equal("logs", MacroFlows.Initial(edit, MacroForm.NameBlock));
        Assert.Equal("", await App.SubmitFormAsync(edit, "frontend-logs", "Please send the frontend logs.", MacroForm.KeepStatus, TestSettings.Engineer2));
        var renamed = Macros.Named("frontend-logs")!;
        Assert.Equal((null, TestSettings.Engineer, TestSettings.Engineer2), (renamed.Status, renamed.CreatedBy, renamed.UpdatedBy));
        Assert.Null(Macros.Named("logs"));
        Assert.DoesNotContain("could you send the logs?", ListText(await ListUpdateAsync(2)), StringComparison.Ordinal);

        await App.PressAsync(list, MacroList.DeleteAction, "need-versions");
        Assert.DoesNotContain("need-versions", ListText(await ListUpdateAsync(3)), StringComparison.Ordinal);
        Assert.Equal(["frontend-logs"], Macros.All().Select(m => m.Id));
    }

    [Fact]
    public async Task The_form_names_the_field_that_is_wrong_and_saves_nothing()
    {
        var form = await App.OpenMacrosAsync("V_FIRST");
        Assert.Equal("", await App.SubmitFormAsync(form, "logs", "Send the logs."));

        var empty = JsonNode.Parse(await App.SubmitFormAsync(form, " ", "Text"))!;
        var spaced = JsonNode.Parse(await App.SubmitFormAsync(form, "two words", "Text"))!;
        var duplicate = JsonNode.Parse(await App.SubmitFormAsync(form, "LOGS", "Other text"))!;
        var tooLong = JsonNode.Parse(await App.SubmitFormAsync(form, "long", new string('x', Macro.MaxText + 1)))!;
        var outsider = JsonNode.Parse(await App.SubmitFormAsync(form, "mine", "Text", user: TestSettings.Customer))!;

        foreach (var answer in new[] { empty, spaced, duplicate, outsider })
            Assert.Equal("errors", answer["response_action"]!.GetValue<string>());
        Assert.Contains("name", empty["errors"]![MacroForm.NameBlock]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("one word", spaced["errors"]![MacroForm.NameBlock]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("already exists", duplicate["errors"]![MacroForm.NameBlock]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("at most 3,000", tooLong["errors"]![MacroForm.TextBlock]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("support team", outsider["errors"]![MacroForm.NameBlock]!.GetValue<string>(), StringComparison.Ordinal);
        var only = Assert.Single(Macros.All());
        Assert.Equal("Send the logs.", only.Text);
    }

    [Fact]
    public async Task Only_the_team_opens_the_saved_replies()
    {
        var answer = await App.CommandAsync("macros", "outsider.1", TestSettings.Customer);

        Assert.Contains("Only the support team", answer.Text, StringComparison.Ordinal);
        // refused before anything is queued: no modal is owed to Slack
        Assert.DoesNotContain(App.Get<SupportBot.Outbox.OutboxStore>().Pending(100), m => m.Method == "views.open");
    }
}
