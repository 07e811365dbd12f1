using System.Text.Json.Nodes;
using SupportBot.Tests.Infrastructure;
using SupportBot.Tickets;

namespace SupportBot.Tests.Threads;

/// <summary>What a message carries besides its text: files (file_share) and rich_text blocks, in Slack's documented shapes.</summary>
public sealed class MessageContentTests : IDisposable
{
    private readonly SupportBotApp _app = new();

    public void Dispose()
    {
        _app.Dispose();
        _app.DeleteDatabase();
    }

    public static JsonArray Files(params (string Name, long Size)[] files) => new([.. files.Select(f => (JsonNode)new JsonObject
    {
        ["id"] = "F" + f.Name.GetHashCode(StringComparison.Ordinal).ToString("X", System.Globalization.CultureInfo.InvariantCulture),
        ["name"] = f.Name, ["title"] = f.Name, ["mimetype"] = "image/png", ["size"] = f.Size,
        ["url_private"] = $"https://files.slack.com/files-pri/T1-F1/{f.Name}",
        ["permalink"] = $"https://acme.slack.com/files/U1/F1/{f.Name}",
    })]);

    private static JsonObject Section(params JsonNode[] elements) => new() { ["type"] = "rich_text_section", ["elements"] = new JsonArray(elements) };

    private static JsonObject Text(string text) => new() { ["type"] = "text", ["text"] = text };

    [Fact]
    public async Task A_file_only_reply_is_stored_with_its_files_and_never_with_empty_text()
    {
        var number = await _app.CreateTicketAsync("Screenshot incoming");
        var thread = await _app.ThreadOfAsync(number);
        var reply = ThreadEvents.Message(TestSettings.CustomerChannel, TestSettings.Customer, "", thread, subtype: "file_share");
        reply["files"] = Files(("error.png", 123_456));

        await _app.SendAsync(reply);

        var entry = Assert.Single((await _app.WaitForTicketAsync(number, t => t.Conversation.Count == 1)).Conversation.Entries);
        Assert.Equal("Shared error.png (120.6 KB)", entry.Text);
        var file = Assert.Single(entry.Files);
        Assert.Equal(("error.png", 123_456L, "https://acme.slack.com/files/U1/F1/error.png"), (file.Name, file.Size, file.Permalink));
    }

    [Fact]
    public async Task A_help_post_with_files_lists_them_by_name_size_and_link_in_the_description()
    {
        var post = ThreadEvents.Message(TestSettings.HelpChannel, "U_COMMUNITY", "Crash on start", subtype: "file_share");
        post["files"] = Files(("crash.log", 2048), ("setup.png", 500));

        await _app.SendAsync(post);

        await _app.WaitForTicketCountAsync(1);
        Assert.Equal("Crash on start\n\n📎 crash.log (2 KB): https://acme.slack.com/files/U1/F1/crash.log\n" +
                     "📎 setup.png (500 B): https://acme.slack.com/files/U1/F1/setup.png", _app.Ticket(1).Description);
        Assert.Equal("Crash on start", _app.Ticket(1).Subject);
    }

    [Fact]
    public async Task A_blocks_only_help_post_takes_its_subject_and_description_from_the_rich_text()
    {
        var post = ThreadEvents.Message(TestSettings.HelpChannel, "U_COMMUNITY", "");
        post["blocks"] = new JsonArray(new JsonObject
        {
            ["type"] = "rich_text", ["block_id"] = "b1",
            ["elements"] = new JsonArray(
                Section(Text("Webhooks stopped "), new JsonObject { ["type"] = "emoji", ["name"] = "scream", ["unicode"] = "1f631" },
                    Text(" since "), new JsonObject { ["type"] = "user", ["user_id"] = "U_ADMIN" }, Text(" changed "),
                    new JsonObject { ["type"] = "link", ["url"] = "https://acme.example/settings", ["text"] = "the settings" },
                    Text(" in "), new JsonObject { ["type"] = "channel", ["channel_id"] = "C_OPS" }, Text(" & <today>\n")),
                new JsonObject
                {
                    ["type"] = "rich_text_list", ["style"] = "ordered", ["indent"] = 0,
                    ["elements"] = new JsonArray(Section(Text("open settings")), Section(Text("save"))),
                },
                new JsonObject { ["type"] = "rich_text_quote", ["elements"] = new JsonArray(Text("HTTP 410 Gone")) },
                new JsonObject { ["type"] = "rich_text_preformatted", ["elements"] = new JsonArray(Text("curl -X POST")) },
                Section(new JsonObject { ["type"] = "broadcast", ["range"] = "here" })),
        });

        await _app.SendAsync(post);

        await _app.WaitForTicketCountAsync(1);
        var ticket = _app.Ticket(1);
        Assert.Equal("Webhooks stopped 😱 since <@U_ADMIN> changed <https://acme.example/settings|the settings> in <#C_OPS> & <today>", ticket.Subject);
        Assert.Equal("Webhooks stopped 😱 since <@U_ADMIN> changed <https://acme.example/settings|the settings> in <#C_OPS> & <today>\n" +
                     "1. open settings\n2. save\n> HTTP 410 Gone\n```\ncurl -X POST\n```\n<!here>", ticket.Description);
        Assert.NotEmpty(await _app.Slack.WaitForAsync("chat.postMessage", c => c.Channel == TestSettings.SupportChannel
            && c.Text.Contains("#1 Webhooks stopped 😱 since", StringComparison.Ordinal)));
    }
}
