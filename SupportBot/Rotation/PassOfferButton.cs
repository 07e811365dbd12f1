using System.Globalization;
using Microsoft.Extensions.Options;
using SupportBot.Outbox;
using SupportBot.Slack;
using SupportBot.Slack.Interactions;
using SupportBot.Slack.Payloads;
using SupportBot.Tickets;

namespace SupportBot.Rotation;

/// <summary>Pass on a rotation offer: recorded, the DM says so, and the next engineer is offered the ticket.</summary>
public sealed class PassOfferButton(TicketStore store, RotationOffers offers, OutboxSender outbox, IOptions<SlackOptions> slack)
    : IBlockActionHandler
{
    public string ActionId => OfferMessages.PassActionId;

    public Task HandleAsync(InteractionPayload payload, PayloadAction action, CancellationToken cancellationToken)
    {
        var user = payload.User!.Id;
        var answer = !int.TryParse(action.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            ? "This button has lost its ticket number."
            : store.Change(set => Pass(set, number, user, payload));
        if (answer is not null)
            outbox.Send(OutboxMessages.AnswerInteraction(payload, slack.Value.SupportChannel, answer));
        return Task.CompletedTask;
    }

    /// <summary>Null when passed: the DM itself then says what happened.</summary>
    private string? Pass(TicketChangeSet set, int number, string user, InteractionPayload payload)
    {
        var ticket = set.Find(number);
        if (ticket is null)
            return $"I can't find ticket #{number}.";
        if (ticket.Offer is not { Standing: true } offer || offer.UserId != user)
            return $"This offer of #{number} has already ended; nothing changed.";
        offers.Pass(set, ticket, lapsed: false, payload.Container?.ChannelId ?? payload.ChannelId, payload.Container?.MessageTs ?? payload.MessageTs);
        return null;
    }
}
