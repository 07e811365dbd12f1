using System.Text.Json;
using SupportBot.Tickets;

namespace SupportBot.Threads;

/// <summary>A message's <c>files</c> (a <c>file_share</c>, or any message with files): name, size and permalink of each.</summary>
public static class SlackFiles
{
    public static List<MessageFile> Read(JsonElement message)
    {
        if (!message.TryGetProperty("files", out var files) || files.ValueKind != JsonValueKind.Array)
            return [];
        var s = SlackMessageEvent.Str;
        // a file hidden by the plan's limits or still being checked has an id only: still say something was shared
        return [.. files.EnumerateArray().Where(f => f.ValueKind == JsonValueKind.Object).Select(f => new MessageFile
        {
            Name = s(f, "name") ?? s(f, "title") ?? s(f, "id") ?? "a file",
            Size = f.TryGetProperty("size", out var size) && size.TryGetInt64(out var bytes) ? bytes : 0,
            Permalink = s(f, "permalink") is { } link && Uri.TryCreate(link, UriKind.Absolute, out var u) && u.Scheme == "https" ? link : null,
        })];
    }
}
