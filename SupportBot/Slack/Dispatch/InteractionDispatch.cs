using SupportBot.Slack.DeadLetters;
using SupportBot.Slack.Interactions;
using SupportBot.Slack.Payloads;
using SupportBot.Storage;

namespace SupportBot.Slack.Dispatch;

/// <summary>
/// Buttons, shortcuts and modal submissions to their handlers, over HTTP or Socket Mode. Returns the response
/// payload Slack allows (a view_submission's <c>response_action</c>), or null for a plain acknowledgement. An
/// interaction that was not carried out is never acknowledged as done: a failed write throws
/// <see cref="StoreWriteFailedException"/>, any other failure is kept as a dead letter and throws
/// <see cref="InteractionFailedException"/> (HTTP answers 503 or 500; Socket Mode leaves the envelope unacknowledged).
/// </summary>
public sealed class InteractionDispatch(SlackHandlers handlers, DeadLetterStore deadLetters, ILogger<InteractionDispatch> logger)
{
    public async Task<object?> HandleAsync(InteractionPayload payload, string rawJson, CancellationToken cancellationToken)
    {
        try
        {
            return await DispatchAsync(payload, cancellationToken);
        }
        catch (StoreWriteFailedException e) when (e.Failure == StoreFailure.ReadOnly)
        {
            var id = deadLetters.KeepRefused(e, payload.View?.Id ?? payload.TriggerId ?? "", payload.Type, rawJson);
            logger.LogError("Interaction {Type} refused by a read-only store; kept as dead letter #{DeadLetter} (0: not even that)", payload.Type, id);
            throw;
        }
        catch (Exception e) when (e is not OperationCanceledException and not StoreWriteFailedException)
        {
            // kept with its reason, so an operator can see what was lost instead of it vanishing into a log line
            var id = deadLetters.Keep(DeadLetterKind.Interaction, payload.View?.Id ?? payload.TriggerId ?? "", payload.Type, rawJson, e);
            logger.LogError(e, "Interaction {Type} failed; kept as dead letter #{DeadLetter}", payload.Type, id);
            throw new InteractionFailedException(id, e);
        }
    }

    private async Task<object?> DispatchAsync(InteractionPayload payload, CancellationToken cancellationToken)
    {
        switch (payload.Type)
        {
            case "block_actions":
                foreach (var action in payload.Actions ?? [])
                {
                    if (action is null)
                        continue; // "actions": [null] parses; there is nothing to dispatch
                    if (handlers.Action(action.ActionId) is { } handler)
                        await handler.HandleAsync(payload, action, cancellationToken);
                    else
                        logger.LogDebug("No handler for action {ActionId}", action.ActionId);
                }
                return null;
            case "message_action" or "shortcut":
                if (handlers.Shortcut(payload.CallbackId) is { } shortcut)
                    await shortcut.HandleAsync(payload, cancellationToken);
                return null;
            case "view_submission":
                if (handlers.View(payload.View?.CallbackId) is not { } view)
                    return null;
                var errors = await view.HandleAsync(payload, cancellationToken);
                return errors is null ? null : new { response_action = "errors", errors };
            default:
                return null;
        }
    }
}

/// <summary>An interaction whose handler failed (kept as dead letter <see cref="DeadLetterId"/>): nothing was carried out.</summary>
public sealed class InteractionFailedException(long deadLetterId, Exception inner)
    : Exception($"The interaction failed and was kept as dead letter #{deadLetterId}.", inner)
{
    public long DeadLetterId { get; } = deadLetterId;
}
