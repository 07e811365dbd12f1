using SupportBot.Slack.Blocks;
using SupportBot.Slack.Interactions;
using SupportBot.Slack.Payloads;
using SupportBot.Storage;

namespace SupportBot.Slack.Dispatch;

/// <summary>A slash command to its handler, whether it came over HTTP or a Socket Mode envelope; the answer is ephemeral.</summary>
public sealed class CommandDispatch(SlackHandlers handlers, IEnumerable<IStartupLoad> loads, ILogger<CommandDispatch> logger)
{
    /// <summary>How long a command waits for a load after start: a third of Slack's 3 s, which also pays for the rest.</summary>
    public static readonly TimeSpan LoadWait = TimeSpan.FromSeconds(1);

    public const string Failing =
        "Sorry, I couldn't save that: my storage is failing right now, so nothing was changed. Please try again in a few minutes.";

    /// <summary>A row another change held past the store's wait: answered inside Slack's 3 s, not after.</summary>
    public const string Busy =
        "Sorry, I couldn't save that: another change to the same ticket was still being saved, so nothing was changed. Please try again.";

    public async Task<SlackMessage> HandleAsync(SlashCommand command, CancellationToken cancellationToken)
    {
        var handler = handlers.Command(command.Command);
        if (handler is null)
        {
            var known = string.Join(", ", handlers.CommandNames);
            return SlackMessage.Ephemeral($"I don't know the command {SlackText.Quote(command.Command)}. I answer to {known}.");
        }
        // before the handler runs, so "try again" never follows a change that was saved
        if (loads.FirstOrDefault(l => !l.WaitLoaded(LoadWait)) is { } loading)
        {
            logger.LogInformation("Command {Command} came before {What} was loaded", command.Command, loading.Progress);
            return SlackMessage.Ephemeral($"I've just restarted and I'm still loading {loading.Progress}, so nothing was done. Please try again in a few seconds.");
        }
        try
        {
            return await handler.HandleAsync(command, cancellationToken);
        }
        catch (StoreWriteFailedException e)
        {
            logger.LogError("Command {Command} not saved: {Error}", command.Command, e.Message);
            return SlackMessage.Ephemeral(e.Failure == StoreFailure.Busy ? Busy : Failing);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "Command {Command} failed", command.Command);
            return SlackMessage.Ephemeral("Sorry, something went wrong on my side and nothing was changed. Please try again in a moment.");
        }
    }
}
