using System.Text;
using System.Text.Json.Nodes;
using SupportBot.Slack;

namespace SupportBot.Outbox;

/// <summary>
/// What to post instead when Slack refuses a message's shape: the same words as plain text (no blocks) when it
/// refuses the layout (<c>invalid_blocks</c>), cut at a grapheme boundary under Slack's limit with a pointer to the
/// whole ticket when it is too long (<c>msg_too_long</c>). A message the team or a customer is owed is better
/// plain or shortened than not at all.
/// </summary>
public static class SlackFallbacks
{
    /// <summary>Slack refuses more than 40,000 characters; UTF-16 units are never fewer than characters, so this is safe.</summary>
    public const int MaxText = 39_000;

    private static readonly HashSet<string> Errors = ["msg_too_long", "invalid_blocks"];

    public static bool Applies(string method, string error) => method is "chat.postMessage" or "chat.update" && Errors.Contains(error);

    /// <summary>The call's arguments as plain text within Slack's limit; <paramref name="pageUrl"/> is where the rest can be read.</summary>
    public static JsonObject PlainText(JsonObject args, string? pageUrl)
    {
        var plain = args.DeepClone().AsObject();
        var fromBlocks = BlockText(plain["blocks"]);
        var text = fromBlocks.Length > 0 ? fromBlocks : plain["text"]?.GetValue<string>() ?? "";
        plain.Remove("blocks");
        plain["text"] = text.Length <= MaxText ? text : Cut(text, pageUrl);
        return plain;
    }

    private static string Cut(string text, string? pageUrl)
    {
        var pointer = pageUrl is null ? "\n… (cut: longer than Slack allows)" : $"\n… (cut: longer than Slack allows; the whole ticket: {SlackText.Link(pageUrl, "dashboard")})";
        return SlackText.Cut(text, MaxText - pointer.Length) + pointer;
    }

    /// <summary>The readable text of Block Kit blocks: headers, sections and their fields, context lines, in order.</summary>
    private static string BlockText(JsonNode? blocks)
    {
        if (blocks is not JsonArray array)
            return "";
        var lines = new StringBuilder();
        foreach (var block in array.OfType<JsonObject>())
        {
            Add(lines, block["text"]);
            // context lines are text; other blocks' elements are buttons and menus, whose labels mean nothing as text
            var elements = block["type"] is JsonValue type && type.TryGetValue<string>(out var kind) && kind == "context" ? block["elements"] : null;
            foreach (var list in new[] { block["fields"], elements })
            {
                if (list is JsonArray items)
                    foreach (var item in items.OfType<JsonObject>())
                        Add(lines, item["text"] is JsonObject ? item["text"] : item);
            }
        }
        return lines.ToString().TrimEnd();
    }

    private static void Add(StringBuilder lines, JsonNode? text)
    {
        if (text is JsonObject { } t && t["text"] is JsonValue v && v.TryGetValue<string>(out var s) && s.Length > 0)
            lines.AppendLine(s);
    }
}
