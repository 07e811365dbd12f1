using SupportBot.Slack.Payloads;

namespace SupportBot.Slack.Interactions;

/// <summary>A message or global shortcut, found by its <c>callback_id</c>.</summary>
public interface IShortcutHandler
{
    string CallbackId { get; }

    Task HandleAsync(InteractionPayload payload, CancellationToken cancellationToken);
}
