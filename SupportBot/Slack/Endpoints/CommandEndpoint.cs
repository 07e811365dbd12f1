using SupportBot.Slack.Dispatch;
using SupportBot.Slack.Payloads;
using SupportBot.Slack.Signing;

namespace SupportBot.Slack.Endpoints;

/// <summary><c>POST /slack/command</c>: slash commands, answered in the response body (ephemeral).</summary>
public static class CommandEndpoint
{
    public static async Task<IResult> HandleAsync(HttpRequest request, VerifiedBody verifier, CommandDispatch dispatch,
        CancellationToken cancellationToken)
    {
        var (raw, tooLarge) = await verifier.ReadRawAsync(request, cancellationToken);
        if (tooLarge is not null)
            return tooLarge;
        // Slack checks the certificate with an unsigned ssl_check=1 request; it changes nothing, so it gets its 200
        if (SslCheck.IsSslCheck(raw!))
            return Results.Ok();
        if (verifier.Verify(request, raw!) is { } refusal)
            return refusal;
        var command = SlashCommand.FromForm(VerifiedBody.Form(raw!));
        if (command is null)
            return Results.Problem("A slash command needs the form fields command, user_id and channel_id.", statusCode: 400);
        return SlackResults.Message(await dispatch.HandleAsync(command, cancellationToken));
    }

    /// <summary><c>GET /slack/command?ssl_check=1</c>: the same check as a GET.</summary>
    public static IResult Get(HttpRequest request) =>
        request.Query["ssl_check"] == "1" ? Results.Ok() : Results.Problem("Slash commands are POSTed.", statusCode: 405);
}
