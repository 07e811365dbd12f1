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
        var message = slackEvent.GetProperty("message");
        var editor = SlackMessageEvent.Str(message.TryGetProperty("edited", out var e) ? e : default, "user") ?? Speakers.Author(edited);
        changes.Edit(edited, editor);
    }
}
