using SupportBot.Tickets;

namespace SupportBot.Tags;

/// <summary>What adding or removing tags did: the tags that changed, words that were no-ops, or why nothing could change.</summary>
public sealed record TaggingOutcome(IReadOnlyList<string> Changed, string? Unchanged, string? Refusal = null);

/// <summary>Adds and removes valid tag words on a ticket, keeping <see cref="Ticket.Tags"/> sorted and within the limit.</summary>
public static class TicketTagging
{
    public static TaggingOutcome Add(Ticket ticket, IReadOnlyList<string> tags)
    {
        var added = tags.Where(t => !ticket.Tags.Contains(t)).Order(StringComparer.Ordinal).ToList();
        var present = tags.Except(added).ToList();
        var unchanged = present.Count == 0 ? null : $"#{ticket.Number} already has {string.Join(", ", present)}.";
        if (ticket.Tags.Count + added.Count > TagWords.MaxPerTicket)
            return new([], unchanged, $"Nothing changed: a ticket holds at most {TagWords.MaxPerTicket} tags; remove some first.");
        ticket.Tags = [.. ticket.Tags.Concat(added).Order(StringComparer.Ordinal)];
        return new(added, unchanged);
    }

    public static TaggingOutcome Remove(Ticket ticket, IReadOnlyList<string> tags)
    {
        var removed = tags.Where(ticket.Tags.Contains).Order(StringComparer.Ordinal).ToList();
        var absent = tags.Except(removed).ToList();
        ticket.Tags = [.. ticket.Tags.Except(removed)];
        return new(removed, absent.Count == 0 ? null : $"#{ticket.Number} has no tag {string.Join(", ", absent)}.");
    }
}
