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
        var (answer, _) = Press(taker, summary, team, payload.User!.Id, action.Value);
        outbox.Send(OutboxMessages.AnswerInteraction(payload, slack.Value.SupportChannel, answer));
        return Task.CompletedTask;
    }

    /// <summary>A Take button pressed by <paramref name="user"/> (here, or on a rotation's offer): the answer, and whether it took.</summary>
    public static (string Answer, bool Taken) Press(TicketTaker taker, TakeSummary summary, SupportTeam team, string user, string? value)
    {
        if (!team.IsMember(user))
            return ("Sorry, only the support team can take tickets.", false);
        if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
            return ("This button has lost its ticket number; use the take command instead.", false);
        var outcomes = taker.Take([number], user, force: false);
        return (summary.Describe(outcomes), outcomes.Any(o => o.Taken));
    }
}
