using System.Text.Json.Nodes;
using SupportBot.Macros;
using SupportBot.Tests.Infrastructure;

namespace SupportBot.Tests.Macros;

/// <summary>The saved-reply modals and commands, played through HTTP as Slack sends them.</summary>
public static class MacroFlows
{
    /// <summary>A slash command with its own trigger_id, as Slack gives every command (a retry repeats it).</summary>
    public static async Task<CommandAnswer> CommandAsync(this SupportBotApp app, string text, string trigger, string user = TestSettings.Engineer)
    {
        var form = SlackRequests.Form(new()
        {
            ["command"] = "/status", ["text"] = text, ["user_id"] = user, ["channel_id"] = TestSettings.SupportChannel,
            ["team_id"] = "T1", ["response_url"] = "https://hooks.slack.test/commands/" + trigger, ["trigger_id"] = trigger,
        });
        var response = await app.Requests.PostSignedAsync("/slack/command", form, "application/x-www-form-urlencoded");
        var body = await response.Content.ReadAsStringAsync();
        return new CommandAnswer(response.StatusCode, JsonNode.Parse(body)?["text"]?.GetValue<string>() ?? "", body);
    }

    /// <summary><c>/status macros</c>: the modal it opens (the form, or the list when replies exist), with the id Slack would give it.</summary>
    public static async Task<JsonObject> OpenMacrosAsync(this SupportBotApp app, string viewId)
    {
        var before = app.Slack.Find("views.open").Count;
        await app.CommandAsync("macros", "open." + viewId);
        var view = (await app.Slack.WaitForAsync("views.open", count: before + 1))[^1].Args["view"]!.AsObject();
        view["id"] = viewId;
        return view;
    }

    /// <summary>Presses a button of the list modal <paramref name="view"/> (with a fresh trigger, as Slack gives).</summary>
    public static async Task PressAsync(this SupportBotApp app, JsonObject view, string actionId, string? value = null, string user = TestSettings.Engineer)
    {
        var payload = new JsonObject
        {
            ["type"] = "block_actions",
            ["user"] = new JsonObject { ["id"] = user },
            ["trigger_id"] = $"press.{Guid.NewGuid():N}",
            ["container"] = new JsonObject { ["type"] = "view", ["view_id"] = view["id"]!.GetValue<string>() },
            ["view"] = new JsonObject { ["id"] = view["id"]!.GetValue<string>(), ["callback_id"] = MacroList.CallbackId },
            ["actions"] = new JsonArray(new JsonObject { ["action_id"] = actionId, ["value"] = value, ["type"] = "button" }),
        };
        (await app.Requests.InteractAsync(payload)).EnsureSuccessStatusCode();
    }

    /// <summary>Submits the saved-reply form; the response's JSON ("errors") or "" when it closed.</summary>
    public static async Task<string> SubmitFormAsync(this SupportBotApp app, JsonObject form, string name, string text, string? status = null,
        string user = TestSettings.Engineer)
    {
        var values = new JsonObject
        {
            [MacroForm.NameBlock] = Input("plain_text_input", new JsonObject { ["value"] = name }),
            [MacroForm.TextBlock] = Input("plain_text_input", new JsonObject { ["value"] = text }),
        };
        if (status is not null)
            values[MacroForm.StatusBlock] = Input("static_select", new JsonObject { ["selected_option"] = new JsonObject { ["value"] = status } });
        return await SubmitAsync(app, form, values, user);
    }

    public static async Task<string> SubmitAsync(SupportBotApp app, JsonObject view, JsonObject values, string user = TestSettings.Engineer)
    {
        var response = await app.Requests.InteractAsync(new JsonObject
        {
            ["type"] = "view_submission",
            ["user"] = new JsonObject { ["id"] = user },
            ["view"] = new JsonObject
            {
                ["id"] = view["id"]?.GetValue<string>() ?? "V" + Guid.NewGuid().ToString("N")[..10],
                ["callback_id"] = view["callback_id"]!.GetValue<string>(),
                ["private_metadata"] = view["private_metadata"]?.GetValue<string>(),
                ["state"] = new JsonObject { ["values"] = values.DeepClone() },
            },
        });
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    public static JsonObject Input(string type, JsonObject value)
    {
        value["type"] = type;
        return new JsonObject { [MacroForm.InputAction] = value };
    }

    public static string? Initial(JsonObject view, string block) =>
        view["blocks"]!.AsArray().Single(b => b!["block_id"]?.GetValue<string>() == block)!["element"]!["initial_value"]?.GetValue<string>();
}
