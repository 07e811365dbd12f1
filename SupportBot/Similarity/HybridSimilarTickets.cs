using Microsoft.Extensions.Options;
using SupportBot.Search;
using SupportBot.Tickets;
using SupportBot.Tickets.Take;

namespace SupportBot.Similarity;

/// <summary>
/// Tickets like one, by BM25 (the search index) and the embeddings together (<see cref="HybridRanking"/>). Nothing is
/// embedded here: the ticket's own vector was computed when it was committed. Until it has one (a moment after intake,
/// or while a rebuilt index catches up), or with <c>Similarity:Enabled=false</c>, the answer is BM25's alone.
/// </summary>
public sealed class HybridSimilarTickets(TicketSearch search, TicketVectors vectors, IOptions<SimilarityOptions> options)
    : ISimilarTickets
{
    public SearchAnswer Find(Ticket like, int max, bool solvedOnly)
    {
        if (!options.Value.Enabled || vectors.Vector(like.Number) is not { } vector)
            return search.Similar(like, max, solvedOnly);
        var bm25 = search.Similar(like, HybridRanking.Candidates, solvedOnly);
        var close = vectors.Nearest(vector.Vector, t => t.Number != like.Number && (!solvedOnly || t.IsSolved),
            HybridRanking.Candidates, (float)options.Value.MinSimilarity);
        var hits = bm25.Hits.ToDictionary(h => h.Number);
        foreach (var match in close)
            hits.TryAdd(match.Ticket.Number, new SearchHit(match.Ticket.Number, match.Ticket.Subject, match.Ticket.Status, match.Ticket.Customer));
        var ranked = HybridRanking.Rank([.. bm25.Hits.Select(h => h.Number)], [.. close.Select(c => (c.Ticket.Number, c.Similarity))], max);
        return new SearchAnswer(true, [.. ranked.Select(n => hits[n])]);
    }

    public SimilarTickets Similar(Ticket like, int max, bool solvedOnly)
    {
        var answer = Find(like, max, solvedOnly);
        return new SimilarTickets(answer.Ready, [.. answer.Hits.Select(h => new SimilarTicket(h.Number, h.Subject))]);
    }
}
