using System.Text.Json;
using SupportBot.Discord.Gateway;

namespace SupportBot.Discord.Intake;

/// <summary>
/// The Gateway events the bot reads: the server's channels and threads (to know a forum post's forum and a thread's
/// name), and messages, which open requests or join a ticket's thread, and change with their edits and deletions. The bot's own posts come back as messages
/// by a bot, and are not the customer's.
/// </summary>
public sealed class DiscordEvents(DiscordChannels channels, DiscordRequests requests, DiscordReplies replies, DiscordEdits edits) : IDiscordDispatchHandler
{
    public Task HandleAsync(DiscordDispatch dispatch, CancellationToken cancellationToken)
    {
        switch (dispatch.Type)
        {
            case "GUILD_CREATE":
                foreach (var list in new[] { "channels", "threads" })
                {
                    if (dispatch.Data.TryGetProperty(list, out var items) && items.ValueKind == JsonValueKind.Array)
                        foreach (var channel in items.EnumerateArray())
                            Seen(channel);
                }
                break;
            case "CHANNEL_CREATE" or "CHANNEL_UPDATE" or "THREAD_CREATE" or "THREAD_UPDATE":
                Seen(dispatch.Data);
                break;
            case "MESSAGE_CREATE" when DiscordMessage.Read(dispatch.Data) is { ByPerson: true } message:
                if (!requests.TryOpen(message))
                    replies.Record(message);
                break;
            case "MESSAGE_UPDATE" when DiscordMessage.Read(dispatch.Data) is { FromBot: false } edited:
                edits.Edited(edited);
                break;
            case "MESSAGE_DELETE" when DiscordMessage.Str(dispatch.Data, "id") is { } id && DiscordMessage.Str(dispatch.Data, "channel_id") is { } channel:
                edits.Deleted(id, channel);
                break;
        }
        return Task.CompletedTask;
    }

    private void Seen(JsonElement channel)
    {
        if (DiscordMessage.Str(channel, "id") is { } id)
            channels.Seen(id, DiscordMessage.Str(channel, "parent_id"), DiscordMessage.Str(channel, "name"));
    }
}
