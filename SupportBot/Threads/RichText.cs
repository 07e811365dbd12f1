using System.Text;
using System.Text.Json;
using SupportBot.Slack;

namespace SupportBot.Threads;

/// <summary>
/// The text of a message's <c>rich_text</c> blocks, written as Slack writes a message's <c>text</c> (escaped, with
/// <c>&lt;@U…&gt;</c>, <c>&lt;#C…&gt;</c>, <c>&lt;url|label&gt;</c>): a blocks-only post (<c>text: ""</c>) then reads
/// like any other message.
/// </summary>
public static class RichText
{
    public static string Markup(JsonElement message)
    {
        if (!message.TryGetProperty("blocks", out var blocks) || blocks.ValueKind != JsonValueKind.Array)
            return "";
        var text = new StringBuilder();
        foreach (var block in blocks.EnumerateArray().Where(b => Type(b) == "rich_text"))
        {
            foreach (var part in Elements(block))
                Part(text, part);
        }
        return text.ToString().Trim();
    }

    private static void Part(StringBuilder text, JsonElement part)
    {
        switch (Type(part))
        {
            case "rich_text_section":
                text.Append(Inline(part)).Append('\n');
                break;
            case "rich_text_list":
                var ordered = SlackMessageEvent.Str(part, "style") == "ordered";
                var indent = new string(' ', 2 * (part.TryGetProperty("indent", out var i) && i.TryGetInt32(out var n) ? n : 0));
                var number = 0;
                foreach (var item in Elements(part))
                    text.Append(indent).Append(ordered ? $"{++number}. " : "• ").Append(Inline(item)).Append('\n');
                break;
            case "rich_text_quote":
                foreach (var line in Inline(part).Split('\n'))
                    text.Append("&gt; ").Append(line).Append('\n');
                break;
            case "rich_text_preformatted":
                text.Append("```\n").Append(Inline(part)).Append("\n```\n");
                break;
        }
    }

    private static string Inline(JsonElement section)
    {
        var text = new StringBuilder();
        foreach (var e in Elements(section))
        {
            string? Str(string name) => SlackMessageEvent.Str(e, name);
            text.Append(Type(e) switch
            {
                "text" => Escaped(Str("text")),
                "link" => Str("text") is { Length: > 0 } label ? $"<{Str("url")}|{Escaped(label)}>" : $"<{Str("url")}>",
                "user" => $"<@{Str("user_id")}>",
                "channel" => $"<#{Str("channel_id")}>",
                "usergroup" => $"<!subteam^{Str("usergroup_id")}>",
                "broadcast" => $"<!{Str("range")}>",
                "emoji" => Str("unicode") is { } code ? Emoji(code) ?? $":{Str("name")}:" : $":{Str("name")}:",
                "date" => Escaped(Str("fallback")),
                _ => "",
            });
        }
        return text.ToString().TrimEnd('\n');
    }

    // "1f44d" or "1f469-200d-1f4bb": the code points of the emoji, so the text reads as it shows
    private static string? Emoji(string code)
    {
        try
        {
            return string.Concat(code.Split('-').Select(c => char.ConvertFromUtf32(Convert.ToInt32(c, 16))));
        }
        catch (Exception e) when (e is FormatException or ArgumentException or OverflowException)
        {
            return null;
        }
    }

    // plain text in a block is what the person typed; the message's text form escapes it, and the bot unescapes once
    private static string Escaped(string? text) => SlackText.Escape(text);

    private static JsonElement[] Elements(JsonElement e) =>
        e.TryGetProperty("elements", out var list) && list.ValueKind == JsonValueKind.Array ? [.. list.EnumerateArray()] : [];

    private static string? Type(JsonElement e) => SlackMessageEvent.Str(e, "type");
}
