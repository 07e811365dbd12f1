using System.Globalization;
using Microsoft.Extensions.Options;
using SupportBot.Outbox;
using SupportBot.Slack;
using SupportBot.Slack.Interactions;
using SupportBot.Slack.Payloads;
using SupportBot.Tickets;
using SupportBot.Tickets.Take;

namespace SupportBot.Rotation;

/// <summary>
/// Take on a rotation offer: the same take as <c>/take N</c> (the customer's thread hears who helps), then the
/// offer is cleared and its DM says "You took #N". Only a take assigns; the offer alone never does.
/// </summary>
public sealed class TakeOfferButton(TicketTaker taker, TakeSummary summary, SupportTeam team, TicketStore store, RotationOffers offers,
    OutboxSender outbox, IOptions<SlackOptions> slack) : IBlockActionHandler
{
    public string ActionId => OfferMessages.TakeActionId;

    public Task HandleAsync(InteractionPayload payload, PayloadAction action, CancellationToken cancellationToken)
    {
        var user = payload.User!.Id;
        string answer;
        if (!team.IsMember(user))
            answer = "Sorry, only the support team can take tickets.";
        else if (!int.TryParse(action.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
            answer = "This button has lost its ticket number; use the take command instead.";
        else
        {
            var outcomes = taker.Take([number], user, force: false);
            if (outcomes.Any(o => o.Taken))
                EndOffer(number, payload);
            answer = summary.Describe(outcomes);
        }
        outbox.Send(OutboxMessages.AnswerInteraction(payload, slack.Value.SupportChannel, answer));
        return Task.CompletedTask;
    }

    /// <summary>
    /// After the take's commit; should this one not happen (a crash), the take left the ticket due, and the sweep ends
    /// the offer on its next tick instead.
    /// </summary>
    private void EndOffer(int number, InteractionPayload payload) => store.Change(set =>
    {
        if (set.Find(number) is not { } ticket)
            return false;
        // the pressed DM is the standing offer's only if it was made to whoever pressed it
        var pressed = ticket.Offer?.UserId == payload.User!.Id;
        offers.Finish(set, ticket, pressed ? payload.Container?.ChannelId ?? payload.ChannelId : null,
            pressed ? payload.Container?.MessageTs ?? payload.MessageTs : null);
        return true;
    });
}
