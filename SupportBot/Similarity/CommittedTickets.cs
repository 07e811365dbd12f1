using System.Threading.Channels;
using Microsoft.Extensions.Options;
using SupportBot.Tickets;

namespace SupportBot.Similarity;

/// <summary>
/// The queue from the commit to <see cref="SimilarityIndexer"/>: told inside the commit, it only copies. A class of its
/// own because the indexer needs the <see cref="TicketStore"/> (to post suggestions), which is built with its listeners.
/// </summary>
public sealed class CommittedTickets(IOptions<SimilarityOptions> options) : ITicketsCommitted
{
    private readonly Channel<TicketFacts> _queue = Channel.CreateUnbounded<TicketFacts>();

    public ChannelReader<TicketFacts> Reader => _queue.Reader;

    public void Committed(IReadOnlyList<Ticket> changed)
    {
        if (!options.Value.Enabled)
            return;
        foreach (var ticket in changed)
            _queue.Writer.TryWrite(TicketFacts.From(ticket));
    }
}
