using Microsoft.Extensions.Options;
using SupportBot.Outbox;
using SupportBot.Slack;
using SupportBot.Slack.Interactions;
using SupportBot.Slack.Payloads;
using SupportBot.Tickets;
using SupportBot.Tickets.Intake;

namespace SupportBot.Ai;

/// <summary>Edit on a draft: a modal prefilled with it; nothing is sent until its Send.</summary>
public sealed class DraftEditButton(FormOpener forms, SupportTeam team, OutboxSender outbox, IOptions<SlackOptions> slack) : IBlockActionHandler
{
    public string ActionId => DraftMessage.EditActionId;

    public Task HandleAsync(InteractionPayload payload, PayloadAction action, CancellationToken cancellationToken)
    {
        if (!team.IsMember(payload.User!.Id) || DraftMessage.Parse(action.Value) is not var (number, draft) || payload.TriggerId is null)
            outbox.Send(OutboxMessages.AnswerInteraction(payload, slack.Value.SupportChannel,
                team.IsMember(payload.User.Id) ? "This button has lost its draft; ask for a new one." : "Only the support team can answer customers."));
        else
            forms.Open(payload, DraftEditForm.Build(number, draft, payload.ResponseUrl));
        return Task.CompletedTask;
    }
}
