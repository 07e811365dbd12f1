namespace SupportBot.Tickets.Take;

/// <summary>
/// Tickets like a given one, for the take summary's "similar solved tickets". Search implements it (BM25 over the
/// ticket index), so the take path does not depend on how similarity is found.
/// </summary>
public interface ISimilarTickets
{
    SimilarTickets Similar(Ticket like, int max, bool solvedOnly);
}

/// <summary>Not <see cref="Ready"/> while the index is still being built; then the hits, best first.</summary>
public sealed record SimilarTickets(bool Ready, IReadOnlyList<SimilarTicket> Hits);

public sealed record SimilarTicket(int Number, string Subject);
