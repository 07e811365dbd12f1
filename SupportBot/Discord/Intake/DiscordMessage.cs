using System.Text.Json;

namespace SupportBot.Discord.Intake;

/// <summary>
/// The parts of a MESSAGE_CREATE the bot reads. <see cref="Name"/>: who wrote, as the server shows them (their
/// nickname there, else their display name, else their username).
/// </summary>
public sealed record DiscordMessage(string Id, string ChannelId, string? GuildId, int Type, string AuthorId, string Name, bool FromBot,
    string Content, string? ReplyTo, IReadOnlyList<string> Attachments)
{
    /// <summary>A person's message (0) or reply (19); joins, pins, "started a thread" and the like are Discord's own.</summary>
    public bool ByPerson => !FromBot && Type is 0 or 19;

    /// <summary>The text with its attachments' names and links, as the ticket keeps it.</summary>
    public string Text => Attachments.Count == 0 ? Content : $"{Content}\n{string.Join("\n", Attachments)}".Trim();

    public static DiscordMessage? Read(JsonElement d)
    {
        if (Str(d, "id") is not { } id || Str(d, "channel_id") is not { } channel || !d.TryGetProperty("author", out var author)
            || Str(author, "id") is not { } authorId)
            return null;
        var nick = d.TryGetProperty("member", out var member) ? Str(member, "nick") : null;
        var name = nick ?? Str(author, "global_name") ?? Str(author, "username") ?? authorId;
        var bot = (author.TryGetProperty("bot", out var b) && b.ValueKind == JsonValueKind.True) || Str(d, "webhook_id") is not null;
        var type = d.TryGetProperty("type", out var t) && t.TryGetInt32(out var n) ? n : 0;
        var replyTo = d.TryGetProperty("message_reference", out var r) ? Str(r, "message_id") : null;
        var files = d.TryGetProperty("attachments", out var a) && a.ValueKind == JsonValueKind.Array
            ? a.EnumerateArray().Select(f => $"📎 {Str(f, "filename") ?? "file"} ({Str(f, "url")})").ToList()
            : [];
        return new DiscordMessage(id, channel, Str(d, "guild_id"), type, authorId, name, bot, Str(d, "content") ?? "", replyTo, files);
    }

    public static string? Str(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}
