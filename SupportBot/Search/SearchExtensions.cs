using SupportBot.Tickets;
using SupportBot.Tickets.Status;

using SupportBot.Tickets.Take;

namespace SupportBot.Search;

public static class SearchExtensions
{
    /// <summary>Full-text search over tickets (Lucene.NET, BM25), kept current from committed changes.</summary>
    public static IHostApplicationBuilder AddSearch(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton<SearchLocation>();
        services.AddSingleton<SearchIndexer>();
        services.AddSingleton<ITicketsCommitted>(sp => sp.GetRequiredService<SearchIndexer>());
        services.AddHostedService(sp => sp.GetRequiredService<SearchIndexer>());
        services.AddSingleton<TicketSearch>();
        services.AddSingleton<ISimilarTickets, SimilarTicketsFromSearch>();
        services.AddSingleton<IStatusSubcommand, SearchSubcommand>();
        services.AddSingleton<IStatusSubcommand, SimilarSubcommand>();
        return builder;
    }
}
