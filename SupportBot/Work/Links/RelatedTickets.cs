using Microsoft.Extensions.Options;
using SupportBot.Slack;
using SupportBot.Tickets;
using SupportBot.Tickets.Take;

namespace SupportBot.Work.Links;

/// <summary>
/// Records two tickets as related, or no longer related, on both at once: each lists the other (sorted, once), each
/// history says so, and neither changes status.
/// </summary>
public sealed class RelatedTickets(TicketStore store, IOptions<SlackOptions> slack)
{
    /// <summary>A ticket lists at most this many: enough for an incident's reports, small enough for one line.</summary>
    public const int MaxRelated = 20;

    public string Link(int number, int other, string actorId) => Change(number, other, actorId, link: true);

    public string Unlink(int number, int other, string actorId) => Change(number, other, actorId, link: false);

    private string Change(int number, int other, string actorId, bool link)
    {
        if (number == other)
            return $"#{number} cannot be related to itself: name another ticket.";
        return store.Change(set =>
        {
            if (set.Find(number) is not { } a)
                return $"I can't find ticket #{number}.";
            if (set.Find(other) is not { } b)
                return $"I can't find ticket #{other}.";
            if (a.Related.Contains(other) == link)
                return link ? $"#{number} and #{other} are already related." : $"#{number} and #{other} are not related.";
            if (link && (a.Related.Count >= MaxRelated || b.Related.Count >= MaxRelated))
                return $"A ticket lists at most {MaxRelated} related tickets: unlink one of #{(a.Related.Count >= MaxRelated ? number : other)}'s first.";
            Record(set, a, other, actorId, link);
            Record(set, b, number, actorId, link);
            return link ? $"Linked *#{number}* and *#{other}*: each now lists the other as related."
                : $"Unlinked *#{number}* and *#{other}*: they are no longer listed as related.";
        });
    }

    private void Record(TicketChangeSet set, Ticket ticket, int other, string actorId, bool link)
    {
        ticket.Related = link ? [.. ticket.Related.Append(other).Distinct().Order()] : [.. ticket.Related.Where(n => n != other)];
        ticket.History.Add(new TicketHistoryEntry { At = set.Now, ActorId = actorId, What = link ? $"Related to #{other}" : $"No longer related to #{other}" });
        set.Update(ticket);
        set.Send(TicketTaker.TriageUpdate(ticket, slack.Value.SupportChannel));
    }
}
