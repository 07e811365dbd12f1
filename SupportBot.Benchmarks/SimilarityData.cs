using Lucene.Net.Store;
using SupportBot.Search;
using SupportBot.Similarity;
using SupportBot.Tickets;

namespace SupportBot.Benchmarks;

/// <summary>One ticket of the labelled set: tickets of one group ask the same thing; group 0 is unrelated to all.</summary>
public sealed record LabelledTicket(int Number, int Group, string Subject, string Description);

/// <summary>
/// The labelled pairs of Data/similarity-pairs.tsv: each group's first ticket is a query, the rest of the groups'
/// tickets and the unrelated ones are the corpus it is ranked against. (The tests compile this file too.)
/// </summary>
public sealed record LabelledSet(IReadOnlyList<LabelledTicket> Queries, IReadOnlyList<LabelledTicket> Corpus)
{
    public static LabelledSet Load(string path, int groups = int.MaxValue)
    {
        var rows = File.ReadLines(path).Where(l => l.Length > 0 && !l.StartsWith('#')).Select(l => l.Split('\t'))
            .Select((f, i) => new LabelledTicket(i + 1, f[0] == "-" ? 0 : int.Parse(f[0], System.Globalization.CultureInfo.InvariantCulture), f[1], f[2]))
            .Where(t => t.Group <= groups).ToList();
        var queries = rows.Where(t => t.Group > 0).GroupBy(t => t.Group).Select(g => g.First()).ToList();
        return new LabelledSet(queries, [.. rows.Except(queries)]);
    }
}

/// <summary>The corpus in a BM25 index (in memory) and in <see cref="TicketVectors"/>, with the queries embedded too.</summary>
public sealed class RankingBench : IDisposable
{
    private readonly TicketIndex _index;
    private readonly TicketVectors _vectors = new();
    private readonly Dictionary<int, float[]> _queries = [];

    public RankingBench(LabelledSet set)
    {
        Set = set;
        _index = new TicketIndex(new RAMDirectory(), out _);
        foreach (var t in set.Corpus)
            _index.Upsert(Indexed(t));
        _index.Commit();
        _index.Refresh();
        var all = set.Corpus.Concat(set.Queries).ToList();
        var vectors = SentenceEmbedder.Embed([.. all.Select(t => SentenceEmbedder.TextOf(t.Subject, t.Description))]);
        for (var i = 0; i < all.Count; i++)
        {
            if (i < set.Corpus.Count)
            {
                var t = all[i];
                _vectors.Describe(new TicketFacts(t.Number, t.Subject, 0, TicketStatus.Solved, "", null, DateTime.UnixEpoch, true));
                _vectors.Store(new TicketVector(t.Number, 0, vectors[i]));
            }
            else
            {
                _queries[all[i].Number] = vectors[i];
            }
        }
    }

    public LabelledSet Set { get; }

    public TicketVectors Vectors => _vectors;

    public List<int> Bm25(LabelledTicket query, int max = HybridRanking.Candidates) =>
        [.. _index.Similar(Indexed(query), max, solvedOnly: false).Select(h => h.Number)];

    public List<VectorMatch> Cosine(LabelledTicket query, int max = HybridRanking.Candidates) =>
        _vectors.Nearest(_queries[query.Number], _ => true, max);

    /// <summary>As the bot ranks (<see cref="HybridRanking.Rank"/>).</summary>
    public List<int> Hybrid(LabelledTicket query, int max) =>
        HybridRanking.Rank(Bm25(query), [.. Cosine(query).Select(m => (m.Ticket.Number, m.Similarity))], max);

    public List<int> ReciprocalRank(LabelledTicket query, int max) =>
        HybridRanking.ReciprocalRank(Bm25(query), [.. Cosine(query).Select(m => m.Ticket.Number)], max);

    public List<int> Weighted(LabelledTicket query, double weight, int max) =>
        HybridRanking.WeightedSum(Bm25(query), [.. Cosine(query).Select(m => (m.Ticket.Number, m.Similarity))], weight, max);

    /// <summary>Queries whose duplicate is among the first <paramref name="k"/> of <paramref name="rank"/>'s list.</summary>
    public int HitsAt(int k, Func<LabelledTicket, IReadOnlyList<int>> rank)
    {
        var groupOf = Set.Corpus.ToDictionary(t => t.Number, t => t.Group);
        return Set.Queries.Count(q => rank(q).Take(k).Any(n => groupOf[n] == q.Group));
    }

    private static IndexedTicket Indexed(LabelledTicket t) =>
        new(t.Number, t.Subject, t.Description, "", "", TicketStatus.Solved, null, DateTime.UnixEpoch);

    public void Dispose() => _index.Dispose();
}
