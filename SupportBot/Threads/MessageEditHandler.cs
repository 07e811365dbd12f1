using System.Text.Json;
using SupportBot.Slack.Interactions;

namespace SupportBot.Threads;

/// <summary>
/// <c>message_changed</c>: an edited reply or original post replaces its recorded text (it is not a new reply);
/// a thread's parent turned into a tombstone (deleted while its replies stay) is a deletion.
/// </summary>
public sealed class MessageEditHandler(Speakers speakers, MessageChanges changes) : IEventHandler
{
    public const string Type = "message";

    public string EventType => Type;

    public async Task HandleAsync(JsonElement slackEvent, CancellationToken cancellationToken)
    {
        if (SlackMessageEvent.ParseEdit(slackEvent) is not { } edited)
            return;
        if (edited.Subtype == SlackMessageEvent.Tombstone)
        {
            changes.Delete(edited.Channel, edited.Ts, edited.Ts);
            return;
        }
        if (!await speakers.IsPersonTalkingAsync(edited, cancellationToken))
            return;
        // a person's edit carries "edited"; Slack's own changes (a link unfurled, a reply count) do not
        var stamp = slackEvent.GetProperty("message").TryGetProperty("edited", out var e) && e.ValueKind == JsonValueKind.Object ? e : (JsonElement?)null;
        changes.Edit(edited, stamp is { } s ? SlackMessageEvent.Str(s, "user") ?? Speakers.Author(edited) : null);
    }
}
