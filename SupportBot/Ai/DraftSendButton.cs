using Microsoft.Extensions.Options;
using SupportBot.Intake;
using SupportBot.Outbox;
using SupportBot.Slack;
using SupportBot.Slack.Blocks;
using SupportBot.Slack.Interactions;
using SupportBot.Slack.Payloads;
using SupportBot.Tickets;

namespace SupportBot.Ai;

/// <summary>
/// Send on a draft: the engineer's decision, sent the way <c>/ticket N reply</c> sends (<see cref="CustomerAnswers"/>).
/// The draft is replaced by what happened, so it cannot be sent twice by a second click.
/// </summary>
public sealed class DraftSendButton(CustomerAnswers answers, SupportTeam team, OutboxSender outbox, IOptions<SlackOptions> slack) : IBlockActionHandler
{
    public string ActionId => DraftMessage.SendActionId;

    public Task HandleAsync(InteractionPayload payload, PayloadAction action, CancellationToken cancellationToken)
    {
        var user = payload.User!.Id;
        var said = !team.IsMember(user) ? "Only the support team can answer customers."
            : DraftMessage.Parse(action.Value) is not var (number, draft) ? "This button has lost its draft; ask for a new one."
            : answers.Send(number, user, draft, DraftMessage.AnswerId(number, draft, payload), $"Sending the drafted answer on *#{number}* to the customer.");
        Tell(outbox, payload, slack.Value.SupportChannel, said);
        return Task.CompletedTask;
    }

    /// <summary>The draft message replaced by <paramref name="said"/> (it is the engineer's alone), or said beside it.</summary>
    public static void Tell(OutboxSender outbox, InteractionPayload payload, string fallbackChannel, string said) =>
        outbox.Send(payload.ResponseUrl is { Length: > 0 } url
            ? OutboxMessages.ToResponseUrl(url, SlackMessage.Ephemeral(said) with { ReplaceOriginal = true })
            : OutboxMessages.AnswerInteraction(payload, fallbackChannel, said));
}
