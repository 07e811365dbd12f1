using SupportBot.Tickets;
using SupportBot.Tickets.Take;

namespace SupportBot.Search;

/// <summary>The take summary's similar tickets, from the search index.</summary>
public sealed class SimilarTicketsFromSearch(TicketSearch search) : ISimilarTickets
{
    public SimilarTickets Similar(Ticket like, int max, bool solvedOnly)
    {
        var answer = search.Similar(like, max, solvedOnly);
        return new SimilarTickets(answer.Ready, answer.Hits.Select(h => new SimilarTicket(h.Number, h.Subject)).ToList());
    }
}
