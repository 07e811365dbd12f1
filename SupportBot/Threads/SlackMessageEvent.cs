using System.Text.Json;
using SupportBot.Slack;
using SupportBot.Tickets;

namespace SupportBot.Threads;

/// <summary>
/// The fields of a <c>message</c> event the bot reads. For <c>message_changed</c>, the edited message. The text is
/// unescaped: what the person typed; taken from the <c>rich_text</c> blocks when <c>text</c> is empty.
/// </summary>
public sealed record SlackMessageEvent(string Channel, string Ts, string? ThreadTs, string? User, string? BotId,
    string? Subtype, string Text, bool Hidden)
{
    public const string Changed = "message_changed";
    public const string Deleted = "message_deleted";

    /// <summary>What stays of a thread's parent deleted while its replies stay (a <c>message_changed</c> to it).</summary>
    public const string Tombstone = "tombstone";

    /// <summary>The files shared with the message.</summary>
    public List<MessageFile> Files { get; init; } = [];

    /// <summary>A reply inside a thread (a thread's parent has thread_ts equal to its own ts).</summary>
    public bool IsThreadReply => ThreadTs is not null && ThreadTs != Ts;

    public static SlackMessageEvent? Parse(JsonElement e)
    {
        var channel = Str(e, "channel");
        var ts = Str(e, "ts");
        if (channel is null || ts is null)
            return null;
        return new(channel, ts, Str(e, "thread_ts"), Str(e, "user"), Str(e, "bot_id"), Str(e, "subtype"),
            TextOf(e), e.TryGetProperty("hidden", out var h) && h.ValueKind == JsonValueKind.True) { Files = SlackFiles.Read(e) };
    }

    /// <summary>The message as it reads after a <c>message_changed</c> edit; the channel is on the outer event.</summary>
    public static SlackMessageEvent? ParseEdit(JsonElement e)
    {
        if (Str(e, "subtype") != Changed || Str(e, "channel") is not { } channel
            || !e.TryGetProperty("message", out var inner) || inner.ValueKind != JsonValueKind.Object)
            return null;
        return Str(inner, "ts") is { } ts
            ? new(channel, ts, Str(inner, "thread_ts"), Str(inner, "user"), Str(inner, "bot_id"), Str(inner, "subtype"),
                TextOf(inner), Hidden: false) { Files = SlackFiles.Read(inner) }
            : null;
    }

    /// <summary>The message's text, unescaped; a blocks-only message's text is read from its rich_text blocks.</summary>
    public static string TextOf(JsonElement message) =>
        SlackMarkup.Unescape(Str(message, "text") is { } text && text.Trim().Length > 0 ? text : RichText.Markup(message));

    public static string? Str(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}
