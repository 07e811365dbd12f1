using SupportBot.Tickets;

namespace SupportBot.Search;

/// <summary>What features ask of search: words, or tickets like one. "Not ready" while the index is being built.</summary>
public sealed class TicketSearch(SearchIndexer indexer, ILogger<TicketSearch> logger)
{
    /// <summary>Long enough for a change committed a moment ago, short enough for a slash command's 3 seconds.</summary>
    private static readonly TimeSpan FreshnessWait = TimeSpan.FromMilliseconds(750);

    public SearchAnswer Search(string words, int max = 10) => Ask(index => index.Search(words, max));

    public SearchAnswer Similar(Ticket like, int max, bool solvedOnly) =>
        Ask(index => index.Similar(IndexedTicket.From(like), max, solvedOnly));

    private SearchAnswer Ask(Func<TicketIndex, IReadOnlyList<SearchHit>> ask)
    {
        if (indexer.Index is null)
            return SearchAnswer.Indexing;
        indexer.WaitForCommitted(FreshnessWait);
        try
        {
            if (indexer.Index is not { } index)
                return SearchAnswer.Indexing;
            index.Refresh(); // the indexer leaves reopening the searcher to the searches
            return new SearchAnswer(true, ask(index));
        }
        catch (ObjectDisposedException e)
        {
            logger.LogDebug(e, "search asked while the index closed");
            return SearchAnswer.Indexing;
        }
    }
}
