using SupportBot.Slack.Dispatch;
using SupportBot.Slack.Payloads;
using SupportBot.Slack.Signing;
using SupportBot.Storage;

namespace SupportBot.Slack.Endpoints;

/// <summary><c>POST /slack/action</c>: buttons, shortcuts and modal submissions, handed to <see cref="InteractionDispatch"/>.</summary>
public static class ActionEndpoint
{
    public static async Task<IResult> HandleAsync(HttpRequest request, VerifiedBody verifier, InteractionDispatch dispatch,
        CancellationToken cancellationToken)
    {
        var (form, refusal) = await verifier.ReadFormAsync(request, cancellationToken);
        if (refusal is not null)
            return refusal;
        if (!form!.TryGetValue("payload", out var raw) || string.IsNullOrWhiteSpace(raw))
            return Results.Problem("An interactivity request needs a form field named payload.", statusCode: 400);
        var (payload, problem) = InteractionPayload.Read(raw.ToString());
        if (problem is not null)
            return Results.Problem(problem, statusCode: 400);
        try
        {
            var answer = await dispatch.HandleAsync(payload!, raw.ToString(), cancellationToken);
            return answer is null ? Results.Ok() : SlackResults.Json(answer);
        }
        catch (StoreWriteFailedException)
        {
            return Results.Problem("The change could not be saved; nothing was kept. Please try again.", statusCode: 503);
        }
        catch (InteractionFailedException)
        {
            // never a 200 for an interaction that was not carried out: Slack then shows the user it failed
            return Results.Problem("The interaction failed; nothing was changed. Please try again.", statusCode: 500);
        }
    }
}
