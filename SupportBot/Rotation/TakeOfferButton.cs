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
        var (answer, taken) = TakeButton.Press(taker, summary, team, payload.User!.Id, action.Value);
        if (taken)
            EndOffer(int.Parse(action.Value!, CultureInfo.InvariantCulture), payload);
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
