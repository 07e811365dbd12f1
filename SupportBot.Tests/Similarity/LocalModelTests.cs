using SupportBot.Benchmarks;
using SupportBot.Similarity;
using SupportBot.Tickets;

namespace SupportBot.Tests.Similarity;

/// <summary>
/// The real MiniLM model shipped in the package, on the CPU. <see cref="SentenceEmbedder"/> loads it once per process,
/// so these tests and the app tests share one load.
/// </summary>
public sealed class LocalModelTests
{
    private static readonly string Pairs = Path.Combine(AppContext.BaseDirectory, "Similarity", "similarity-pairs.tsv");

    [Fact]
    public void The_local_model_ranks_a_paraphrased_duplicate_above_unrelated_tickets()
    {
        var texts = new (string Subject, string Description)[]
        {
            ("Can't sign in after resetting my password", "Since I reset my password this morning the login page says invalid credentials."),
            ("Login rejected since password change", "I changed my password yesterday and now authentication fails with wrong username or password."),
            ("Password policy requirements", "What are the minimum length and complexity rules for passwords?"),
            ("Invoice charged us for too many seats", "Our March invoice bills 120 seats but we only have 80 users."),
            ("Webhooks stopped arriving", "Our endpoint has not received any webhook events since Tuesday."),
            ("Dark mode makes the code unreadable", "With the dark theme on, comments are almost invisible."),
        };
        var embedded = SentenceEmbedder.Embed([.. texts.Select(t => SentenceEmbedder.TextOf(t.Subject, t.Description))]);
        var vectors = new TicketVectors();
        for (var i = 1; i < texts.Length; i++)
        {
            vectors.Describe(new TicketFacts(i, texts[i].Subject, 0, TicketStatus.Open, "", null, DateTime.UnixEpoch, true));
            vectors.Store(new TicketVector(i, 0, embedded[i]));
        }

        var ranked = vectors.Nearest(embedded[0], _ => true, max: 5);

        Assert.Equal(SentenceEmbedder.Dimensions, embedded[0].Length);
        Assert.Equal(1, ranked[0].Ticket.Number); // above "Password policy", which shares the word password
        Assert.True(ranked[0].Similarity > ranked[1].Similarity + 0.1f, $"{ranked[0].Similarity} vs {ranked[1].Similarity}");
    }

    [Fact]
    public void Hybrid_ranking_finds_at_least_as_many_duplicates_as_bm25_alone()
    {
        using var bench = new RankingBench(LabelledSet.Load(Pairs, groups: 16));

        var bm25 = bench.HitsAt(3, q => bench.Bm25(q));
        var hybrid = bench.HitsAt(3, q => bench.Hybrid(q, 3));

        Assert.Equal(16, bench.Set.Queries.Count);
        Assert.True(hybrid >= bm25, $"hybrid found {hybrid} of 16 duplicates in its first three, BM25 {bm25}");
        Assert.True(hybrid >= 12, $"hybrid found only {hybrid} of 16");
    }
}
