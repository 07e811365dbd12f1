using Microsoft.Extensions.Options;
using SupportBot.Sla;
using SupportBot.Slack;
using SupportBot.Storage;
using SupportBot.Tickets;

namespace SupportBot.Rotation;

/// <summary>
/// Makes the rotation's offers: a new request's first, the next one after a pass or a lapse, and the clean-up after a
/// take. Presence is asked of Slack before any transaction opens, once per engineer per sweep.
/// </summary>
public sealed class OfferSweep(DueTickets due, IStoreGate gate, TicketStore store, EngineerPresence presence, RotationOffers offers,
    IOptions<AssignmentOptions> options, IOptions<SlackOptions> slack, TimeProvider time)
{
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        // the common case, nothing due, costs one index probe and no Slack call
        if (!gate.Read(s => s.Tickets.AnyDue(SlaClock.Offer, time.GetUtcNow().UtcDateTime)))
            return 0;
        var engineers = slack.Value.SupportTeam.Where(e => e.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        var away = options.Value.Rotates ? await presence.AwayAsync(engineers, cancellationToken) : new HashSet<string>();
        var held = store.OpenWhere(t => t.AssigneeId is not null).CountBy(t => t.AssigneeId!).ToDictionary();
        var team = new TeamNow(engineers, away, held);
        return due.ForEach(SlaClock.Offer, (set, ticket) => Act(set, ticket, team));
    }

    private bool Act(TicketChangeSet set, Ticket ticket, TeamNow team)
    {
        if (!options.Value.Rotates || ticket.IsTask || ticket.IsAssigned || ticket.Status.IsDone())
        {
            offers.Finish(set, ticket);
            return false;
        }
        if (ticket.Offer is { Standing: true } standing)
        {
            if (set.Now < standing.ExpiresAt)
            {
                ticket.OfferDueAt = standing.ExpiresAt; // looked at early (a restart, a clock moved): wait for the expiry
                set.Update(ticket);
                return false;
            }
            offers.Pass(set, ticket, lapsed: true);
        }
        var next = RotationTurn.Next(ticket.Number, ticket.Offer?.Passed ?? [], team, options.Value.MaxOpen);
        if (next is null)
            offers.NobodyLeft(set, ticket);
        else
            offers.OfferTo(set, ticket, next);
        return true;
    }
}
