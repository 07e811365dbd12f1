using Microsoft.Extensions.Options;
using SupportBot.Slack;
using SupportBot.Tickets;
using SupportBot.Time;

namespace SupportBot.Rotation;

/// <summary>
/// The changes an offer goes through, each inside the caller's transaction: made, passed or lapsed, ended by a take,
/// or given up when nobody is left. Nobody is ever assigned here; only a take assigns.
/// </summary>
public sealed class RotationOffers(IOptions<AssignmentOptions> options, IOptions<SlackOptions> slack)
{
    public void OfferTo(TicketChangeSet set, Ticket ticket, string engineerId)
    {
        var offer = ticket.Offer ??= new RotationOffer();
        offer.UserId = engineerId;
        offer.OfferedAt = set.Now;
        offer.ExpiresAt = set.Now + options.Value.OfferFor;
        (offer.Channel, offer.Ts) = (null, null);
        ticket.OfferDueAt = offer.ExpiresAt;
        History(set, ticket, null, $"Offered by rotation to {SlackText.User(engineerId)}");
        set.Update(ticket);
        set.Send(OfferMessages.Offer(ticket, engineerId, options.Value.OfferFor));
    }

    /// <summary>
    /// The holder passed (or let it lapse: <paramref name="lapsed"/>): they are not asked again, their DM says so, and
    /// the next engineer is offered it on the sweep's next tick. The DM's place comes from the press when there is one.
    /// </summary>
    public void Pass(TicketChangeSet set, Ticket ticket, bool lapsed, string? channel = null, string? ts = null)
    {
        var offer = ticket.Offer!;
        var holder = offer.UserId;
        offer.Passed.Add(holder);
        var outcome = lapsed
            ? $"You didn't answer within {Durations.Short(options.Value.OfferFor)}, so #{ticket.Number} went on to the next engineer."
            : $"You passed #{ticket.Number}; it goes on to the next engineer.";
        End(set, ticket, outcome, channel, ts);
        History(set, ticket, lapsed ? null : holder,
            lapsed ? $"{SlackText.User(holder)} let the rotation's offer lapse" : "Passed the rotation's offer");
        ticket.OfferDueAt = set.Now;
        set.Update(ticket);
    }

    /// <summary>The ticket was taken (or solved, or rotation turned off): the standing offer's DM says how it ended.</summary>
    public void Finish(TicketChangeSet set, Ticket ticket, string? channel = null, string? ts = null)
    {
        if (ticket.Offer is { Standing: true } offer)
        {
            var outcome = ticket.AssigneeId == offer.UserId ? $"You took #{ticket.Number}."
                : ticket.AssigneeId is { } taker ? $"{SlackText.User(taker)} took #{ticket.Number}; the offer has ended."
                : $"The offer of #{ticket.Number} has ended: it is {ticket.Status.Display()}.";
            End(set, ticket, outcome, channel, ts);
        }
        ticket.OfferDueAt = null;
        set.Update(ticket);
    }

    /// <summary>Everyone passed, let it lapse, is away or has enough: the ticket stays in the queue, and the team is told once.</summary>
    public void NobodyLeft(TicketChangeSet set, Ticket ticket)
    {
        ticket.OfferDueAt = null;
        History(set, ticket, null, "Nobody was left to offer it to by rotation; it waits in the queue");
        set.Update(ticket);
        set.Send(TriageThread.Post(slack.Value.SupportChannel, ticket,
            $"Nobody could be offered #{ticket.Number} by rotation: everyone passed, let the offer lapse, is away in Slack " +
            $"or holds enough open tickets. It waits in the queue: `{slack.Value.Commands.Take} {ticket.Number}` takes it."));
    }

    private static void End(TicketChangeSet set, Ticket ticket, string outcome, string? channel, string? ts)
    {
        var offer = ticket.Offer!;
        set.Send(OfferMessages.Ended(channel ?? offer.Channel, ts ?? offer.Ts, ticket, outcome));
        offer.UserId = "";
        (offer.Channel, offer.Ts) = (null, null);
    }

    private static void History(TicketChangeSet set, Ticket ticket, string? actorId, string what) =>
        ticket.History.Add(new TicketHistoryEntry { At = set.Now, ActorId = actorId, What = what });
}
