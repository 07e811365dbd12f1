using System.Text.Json;
using System.Text.Json.Nodes;
using SupportBot.Slack;
using SupportBot.Slack.Blocks;

namespace SupportBot.Tests.Slack;

/// <summary>Block Kit objects serialize to the JSON Slack expects: type discriminators, snake_case, no nulls.</summary>
public sealed class BlockKitSerializationTests
{
    private static JsonObject Json<T>(T value) => JsonNode.Parse(SlackJson.Serialize(value))!.AsObject();

    [Fact]
    public void A_section_block_in_a_message_has_its_type_and_omits_what_is_unset()
    {
        var message = new SlackMessage("fallback") { Blocks = [new SectionBlock(TextObject.Markdown("*hi*")) { BlockId = "b1" }] };

        var json = Json(message);

        Assert.Equal("fallback", json["text"]!.GetValue<string>());
        var block = json["blocks"]![0]!.AsObject();
        Assert.Equal("section", block["type"]!.GetValue<string>());
        Assert.Equal("b1", block["block_id"]!.GetValue<string>());
        Assert.Equal("mrkdwn", block["text"]!["type"]!.GetValue<string>());
        Assert.Equal("*hi*", block["text"]!["text"]!.GetValue<string>());
        Assert.False(block.ContainsKey("fields"));
        Assert.False(block.ContainsKey("accessory"));
        Assert.False(block["text"]!.AsObject().ContainsKey("emoji"));
        Assert.False(json.ContainsKey("response_type"));
        Assert.False(json.ContainsKey("replace_original"));
    }

    [Fact]
    public void A_section_block_with_fields_and_a_button_accessory()
    {
        Block section = new SectionBlock(TextObject.Plain("t"))
        {
            Fields = [TextObject.Markdown("*a*")],
            Accessory = new ButtonElement(TextObject.Plain("Take")) { ActionId = "take_ticket", Value = "7", Style = "primary" },
        };

        var json = Json(section);

        Assert.Equal("section", json["type"]!.GetValue<string>());
        Assert.Equal("plain_text", json["text"]!["type"]!.GetValue<string>());
        Assert.True(json["text"]!["emoji"]!.GetValue<bool>());
        Assert.Equal("mrkdwn", json["fields"]![0]!["type"]!.GetValue<string>());
        var button = json["accessory"]!.AsObject();
        Assert.Equal("button", button["type"]!.GetValue<string>());
        Assert.Equal("take_ticket", button["action_id"]!.GetValue<string>());
        Assert.Equal("7", button["value"]!.GetValue<string>());
        Assert.Equal("primary", button["style"]!.GetValue<string>());
        Assert.False(json.ContainsKey("block_id"));
    }

    [Fact]
    public void A_modal_view_serializes_to_slacks_view_shape()
    {
        var view = new ModalView("support_request", TextObject.Plain("Request support"),
        [
            new InputBlock(TextObject.Plain("Subject"), new PlainTextInputElement { ActionId = "value", MaxLength = 150 }) { BlockId = "subject" },
            new InputBlock(TextObject.Plain("Priority"), new StaticSelectElement([OptionObject.Of("Normal", "Normal")])
            {
                ActionId = "value", InitialOption = OptionObject.Of("Normal", "Normal"),
            }) { BlockId = "priority", Optional = true },
            new DividerBlock(),
            new HeaderBlock(TextObject.Plain("H")),
            new ActionsBlock([new ButtonElement(TextObject.Plain("Go")) { ActionId = "go" }]),
            new ContextBlock([TextObject.Markdown("ctx")]),
        ])
        {
            Submit = TextObject.Plain("Submit"),
            PrivateMetadata = "{\"a\":1}",
        };

        var json = Json(view);

        Assert.Equal("modal", json["type"]!.GetValue<string>());
        Assert.Equal("support_request", json["callback_id"]!.GetValue<string>());
        Assert.Equal("Request support", json["title"]!["text"]!.GetValue<string>());
        Assert.Equal("Submit", json["submit"]!["text"]!.GetValue<string>());
        Assert.False(json.ContainsKey("close"));
        Assert.Equal("{\"a\":1}", json["private_metadata"]!.GetValue<string>());
        var blocks = json["blocks"]!.AsArray();
        Assert.Equal(["input", "input", "divider", "header", "actions", "context"], blocks.Select(b => b!["type"]!.GetValue<string>()));

        var subject = blocks[0]!.AsObject();
        Assert.Equal("subject", subject["block_id"]!.GetValue<string>());
        Assert.Equal("plain_text_input", subject["element"]!["type"]!.GetValue<string>());
        Assert.Equal(150, subject["element"]!["max_length"]!.GetValue<int>());
        Assert.False(subject.ContainsKey("optional"));
        Assert.False(subject.ContainsKey("hint"));
        Assert.False(subject["element"]!.AsObject().ContainsKey("multiline"));
        Assert.False(subject["element"]!.AsObject().ContainsKey("initial_value"));

        var priority = blocks[1]!.AsObject();
        Assert.True(priority["optional"]!.GetValue<bool>());
        Assert.Equal("static_select", priority["element"]!["type"]!.GetValue<string>());
        Assert.Equal("Normal", priority["element"]!["initial_option"]!["value"]!.GetValue<string>());
        Assert.Equal("Normal", priority["element"]!["options"]![0]!["text"]!["text"]!.GetValue<string>());
        Assert.Equal(["type"], blocks[2]!.AsObject().Select(p => p.Key));
    }

    [Fact]
    public void Property_names_are_snake_case_everywhere()
    {
        var message = SlackMessage.Ephemeral("x") with { ReplaceOriginal = false };
        var text = SlackJson.Serialize(message);

        Assert.Contains("\"response_type\":\"ephemeral\"", text, StringComparison.Ordinal);
        Assert.Contains("\"replace_original\":false", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Type", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Anonymous_answers_use_snake_case_too()
    {
        var json = Json(new { ResponseAction = "errors", Errors = new Dictionary<string, string> { ["subject"] = "x" } });
        Assert.Equal("errors", json["response_action"]!.GetValue<string>());
        Assert.Equal("x", json["errors"]!["subject"]!.GetValue<string>());
    }

    [Fact]
    public void Interaction_payloads_read_snake_case()
    {
        var payload = JsonSerializer.Deserialize<SupportBot.Slack.Payloads.InteractionPayload>(
            """{"type":"block_actions","trigger_id":"t","response_url":"https://r","user":{"id":"U1"},"container":{"channel_id":"C1","message_ts":"1.2"},"actions":[{"action_id":"a","value":"v"}]}""",
            SlackJson.Options)!;

        Assert.Equal("t", payload.TriggerId);
        Assert.Equal("https://r", payload.ResponseUrl);
        Assert.Equal("C1", payload.ChannelId);
        Assert.Equal("a", payload.Actions![0].ActionId);
    }
}
