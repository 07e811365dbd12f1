using SupportBot.Slack.Payloads;

namespace SupportBot.Slack.Interactions;

/// <summary>A button or menu in a message, found by its <c>action_id</c>.</summary>
public interface IBlockActionHandler
{
    string ActionId { get; }

    Task HandleAsync(InteractionPayload payload, PayloadAction action, CancellationToken cancellationToken);
}
