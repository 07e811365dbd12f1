using System.Globalization;
using SupportBot.Tickets;
using SupportBot.Tickets.Resolution;

namespace SupportBot.Search;

/// <summary>
/// What the search index holds of a ticket, copied at commit time so the indexer never shares a live document.
/// A security issue's link is not indexed: search results are written to Slack.
/// </summary>
public sealed record IndexedTicket(int Number, string Subject, string Description, string Notes, string Resolution,
    TicketStatus Status, string? Customer, DateTime UpdatedAt, string Tags = "", string Source = "")
{
    public static IndexedTicket From(Ticket t) => new(t.Number, t.Subject, t.Description,
        string.Join("\n", t.Notes.Select(n => n.Text)), Resolved(t), t.Status, t.CustomerName, t.UpdatedAt,
        string.Join(" ", t.Tags), t.Source.ToString().ToLowerInvariant());

    private static string Resolved(Ticket t) => t.Resolution is not { } r
        ? ""
        : $"{r.Path.Word()} {r.Path.Describe()} {r.Note}" + (r.Path.LinkIsPublic() ? $" {r.Link}" : "");

    public string Key => Number.ToString(CultureInfo.InvariantCulture);
}

/// <summary>One search result, as listed in Slack.</summary>
public sealed record SearchHit(int Number, string Subject, TicketStatus Status, string? Customer);

/// <summary>Hits, or not ready yet: the index is still being built from the store.</summary>
public sealed record SearchAnswer(bool Ready, IReadOnlyList<SearchHit> Hits)
{
    public static readonly SearchAnswer Indexing = new(false, []);
}
