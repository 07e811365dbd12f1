using SupportBot.Slack.Blocks;
using SupportBot.Slack.Interactions;
using SupportBot.Slack.Payloads;
using SupportBot.Slack.Signing;
using SupportBot.Storage;

namespace SupportBot.Slack.Endpoints;

/// <summary><c>POST /slack/command</c>: slash commands, answered in the response body (ephemeral).</summary>
public static class CommandEndpoint
{
    public static async Task<IResult> HandleAsync(HttpRequest request, VerifiedBody verifier, SlackHandlers handlers,
        ILogger<SlackHandlers> logger, CancellationToken cancellationToken)
    {
        var (form, refusal) = await verifier.ReadFormAsync(request, cancellationToken);
        if (refusal is not null)
            return refusal;
        var command = SlashCommand.FromForm(form!);
        if (command is null)
            return Results.Problem("A slash command needs the form fields command, user_id and channel_id.", statusCode: 400);

        var handler = handlers.Command(command.Command);
        if (handler is null)
        {
            var known = string.Join(", ", handlers.CommandNames);
            return SlackResults.Message(SlackMessage.Ephemeral(
                $"I don't know the command {SlackText.Quote(command.Command)}. I answer to {known}."));
        }
        try
        {
            return SlackResults.Message(await handler.HandleAsync(command, cancellationToken));
        }
        catch (StoreWriteFailedException e)
        {
            logger.LogError("Command {Command} not saved: {Error}", command.Command, e.Message);
            return SlackResults.Message(SlackMessage.Ephemeral(
                "Sorry, I couldn't save that: my storage is failing right now, so nothing was changed. Please try again in a few minutes."));
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "Command {Command} failed", command.Command);
            return SlackResults.Message(SlackMessage.Ephemeral(
                "Sorry, something went wrong on my side and nothing was changed. Please try again in a moment."));
        }
    }
}
