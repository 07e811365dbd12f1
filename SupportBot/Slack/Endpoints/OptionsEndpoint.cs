using SupportBot.Slack.Signing;

namespace SupportBot.Slack.Endpoints;

/// <summary><c>POST /slack/options</c>: external select menus. The bot has none yet, so it offers no options.</summary>
public static class OptionsEndpoint
{
    public static async Task<IResult> HandleAsync(HttpRequest request, VerifiedBody verifier, CancellationToken cancellationToken)
    {
        var (_, refusal) = await verifier.ReadAsync(request, cancellationToken);
        return refusal ?? SlackResults.Json(new { options = Array.Empty<object>() });
    }
}
