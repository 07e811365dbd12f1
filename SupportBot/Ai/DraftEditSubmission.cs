using SupportBot.Intake;
using SupportBot.Outbox;
using SupportBot.Slack.Blocks;
using SupportBot.Slack.Interactions;
using SupportBot.Slack.Payloads;
using SupportBot.Tickets;

namespace SupportBot.Ai;

/// <summary>
/// The edited draft submitted: sent as <c>/ticket N reply</c> sends it, once per modal however often Slack retries;
/// the draft message is replaced by what happened.
/// </summary>
public sealed class DraftEditSubmission(CustomerAnswers answers, SupportTeam team, OutboxSender outbox) : IViewSubmissionHandler
{
    public string CallbackId => DraftEditForm.CallbackId;

    public Task<IReadOnlyDictionary<string, string>?> HandleAsync(InteractionPayload payload, CancellationToken cancellationToken)
    {
        var user = payload.User!.Id;
        var text = DraftEditForm.Text(payload.View)?.Trim();
        if (!team.IsMember(user) || DraftEditForm.Context(payload.View) is not var (number, responseUrl) || string.IsNullOrEmpty(text))
            return Error(team.IsMember(user) ? "Write the answer to send." : "Only the support team can answer customers.");
        var said = answers.Send(number, user, text, $"answer:ai-draft-edit:{payload.View?.Id}", $"Sending your edited answer on *#{number}* to the customer.");
        outbox.Send(responseUrl is not null
            ? OutboxMessages.ToResponseUrl(responseUrl, SlackMessage.Ephemeral(said) with { ReplaceOriginal = true })
            : OutboxMessages.DirectMessage(user, new SlackMessage(said)));
        return Task.FromResult<IReadOnlyDictionary<string, string>?>(null);
    }

    private static Task<IReadOnlyDictionary<string, string>?> Error(string text) =>
        Task.FromResult<IReadOnlyDictionary<string, string>?>(new Dictionary<string, string> { [DraftEditForm.TextBlock] = text });
}
