using SupportBot.Search;
using SupportBot.Slack.Blocks;
using SupportBot.Tickets.Status;

namespace SupportBot.Similarity;

/// <summary>
/// <c>/ticket 12 similar</c>: tickets like #12, any status, ranked by BM25 and the embeddings together. It takes the
/// place of Search's BM25-only <see cref="SimilarSubcommand"/> (<see cref="SimilarityExtensions.AddSimilarity"/>).
/// </summary>
public sealed class HybridSimilarSubcommand(HybridSimilarTickets similar) : IStatusSubcommand
{
    public const int Max = 10;

    public IReadOnlyList<string> Words { get; } = ["similar", "like"];

    public bool OnTicket => true;

    public bool TeamOnly => true;

    public string Usage(string command) => $"`{command} 12 similar` lists tickets like #12 (by words and by meaning)";

    public Task<SlackMessage> HandleAsync(StatusRequest request, CancellationToken cancellationToken)
    {
        var ticket = request.RequiredTicket;
        var answer = similar.Find(ticket, Max, solvedOnly: false);
        return Task.FromResult(SlackMessage.Ephemeral(SearchList.Show(answer, $"like #{ticket.Number}")));
    }
}
