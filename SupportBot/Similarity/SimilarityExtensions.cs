using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using SupportBot.Health;
using SupportBot.Search;
using SupportBot.Slack.Interactions;
using SupportBot.Tickets;
using SupportBot.Tickets.Status;
using SupportBot.Tickets.Take;

namespace SupportBot.Similarity;

public static class SimilarityExtensions
{
    /// <summary>
    /// Local semantic similarity: MiniLM embeddings of every ticket, kept current in the background; hybrid (BM25 +
    /// cosine) similar tickets at take and in <c>/ticket N similar</c>, which replace Search's BM25-only ones (so call
    /// this after <c>AddSearch</c>); and the intake's merge suggestion. <c>Similarity:Enabled=false</c> loads no model
    /// and leaves every answer BM25's.
    /// </summary>
    public static IHostApplicationBuilder AddSimilarity(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<SimilarityOptions>().BindSettings(SimilarityOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<SimilarityOptions>, SimilarityOptionsValidator>();
        services.AddSingleton<SimilarityLocation>();
        services.AddSingleton<TicketVectors>();
        services.AddSingleton<DuplicateSuggestion>();
        services.AddSingleton<CommittedTickets>();
        services.AddSingleton<ITicketsCommitted>(sp => sp.GetRequiredService<CommittedTickets>());
        services.AddSingleton<SimilarityIndexer>();
        services.AddHostedService(sp => sp.GetRequiredService<SimilarityIndexer>());
        services.AddSingleton<HybridSimilarTickets>();
        services.RemoveAll<ISimilarTickets>();
        services.AddSingleton<ISimilarTickets>(sp => sp.GetRequiredService<HybridSimilarTickets>());
        foreach (var bm25Only in services.Where(d => d.ImplementationType == typeof(SimilarSubcommand)).ToList())
            services.Remove(bm25Only);
        services.AddSingleton<IStatusSubcommand, HybridSimilarSubcommand>();
        services.AddSingleton<IBlockActionHandler, MergeSuggestionButton>();
        return builder;
    }
}
