using System.Text.Json;
using SupportBot.Slack.Interactions;
using SupportBot.Slack.Payloads;
using SupportBot.Slack.Signing;
using SupportBot.Storage;

namespace SupportBot.Slack.Endpoints;

/// <summary><c>POST /slack/action</c>: buttons, shortcuts and modal submissions.</summary>
public static class ActionEndpoint
{
    public static async Task<IResult> HandleAsync(HttpRequest request, VerifiedBody verifier, SlackHandlers handlers,
        ILogger<SlackHandlers> logger, CancellationToken cancellationToken)
    {
        var (form, refusal) = await verifier.ReadFormAsync(request, cancellationToken);
        if (refusal is not null)
            return refusal;
        if (!form!.TryGetValue("payload", out var raw) || string.IsNullOrWhiteSpace(raw))
            return Results.Problem("An interactivity request needs a form field named payload.", statusCode: 400);
        InteractionPayload? payload;
        try
        {
            payload = JsonSerializer.Deserialize<InteractionPayload>(raw.ToString(), SlackJson.Options);
        }
        catch (JsonException)
        {
            return Results.Problem("The payload field is not valid JSON.", statusCode: 400);
        }
        if (payload is null || string.IsNullOrEmpty(payload.Type) || string.IsNullOrEmpty(payload.User?.Id))
            return Results.Problem("The payload needs a type and a user with an id.", statusCode: 400);

        try
        {
            return await DispatchAsync(payload, handlers, logger, cancellationToken);
        }
        catch (StoreWriteFailedException e)
        {
            logger.LogError("Interaction {Type} not saved: {Error}", payload.Type, e.Message);
            return Results.Problem("The change could not be saved; nothing was kept. Please try again.", statusCode: 503);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // never a 200 for an interaction that was not carried out: Slack then shows the user it failed
            logger.LogError(e, "Interaction {Type} failed", payload.Type);
            return Results.Problem("The interaction failed; nothing was changed. Please try again.", statusCode: 500);
        }
    }

    private static async Task<IResult> DispatchAsync(InteractionPayload payload, SlackHandlers handlers,
        ILogger logger, CancellationToken cancellationToken)
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
                return Results.Ok();
            case "message_action" or "shortcut":
                if (handlers.Shortcut(payload.CallbackId) is { } shortcut)
                    await shortcut.HandleAsync(payload, cancellationToken);
                return Results.Ok();
            case "view_submission":
                if (handlers.View(payload.View?.CallbackId) is not { } view)
                    return Results.Ok();
                var errors = await view.HandleAsync(payload, cancellationToken);
                return errors is null ? Results.Ok() : SlackResults.Json(new { response_action = "errors", errors });
            default:
                return Results.Ok();
        }
    }
}
