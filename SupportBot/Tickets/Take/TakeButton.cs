using System.Globalization;
using Microsoft.Extensions.Options;
using SupportBot.Outbox;
using SupportBot.Slack;
using SupportBot.Slack.Interactions;
using SupportBot.Slack.Payloads;

namespace SupportBot.Tickets.Take;

/// <summary>The Take button on a triage card or SLA reminder: the same as <c>/take N</c>.</summary>
public sealed class TakeButton(TicketTaker taker, TakeSummary summary, SupportTeam team, OutboxSender outbox,
    IOptions<SlackOptions> slack) : IBlockActionHandler
{
    public string ActionId => TriageCard.TakeActionId;

    public Task HandleAsync(InteractionPayload payload, PayloadAction action, CancellationToken cancellationToken)
    {
        var user = payload.User!.Id;
        string answer;
        if (!team.IsMember(user))
            answer = "Sorry, only the support team can take tickets.";
        else if (!int.TryParse(action.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
            answer = "This button has lost its ticket number; use the take command instead.";
        else
            answer = summary.Describe(taker.Take([number], user, force: false));
        outbox.Send(OutboxMessages.AnswerInteraction(payload, slack.Value.SupportChannel, answer));
        return Task.CompletedTask;
    }
}
