using SupportBot.Slack.Blocks;
using SupportBot.Slack.Payloads;

namespace SupportBot.Slack.Interactions;

/// <summary>One slash command. The answer is returned in the HTTP response, so it is ephemeral and immediate.</summary>
public interface ISlashCommandHandler
{
    /// <summary>The command as Slack sends it, e.g. <c>/take</c> (configurable, so read from options).</summary>
    string Command { get; }

    Task<SlackMessage> HandleAsync(SlashCommand command, CancellationToken cancellationToken);
}
