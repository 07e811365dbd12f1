using SupportBot.Tickets;

namespace SupportBot.Similarity;

/// <summary>
/// Every ticket's facts and embedding, in memory (384 floats, 1.5 KB a ticket). Nearest neighbours are found by an exact
/// scan (a SIMD dot product per ticket): at 100,000 tickets that is a few milliseconds, so no approximate index is needed.
/// </summary>
public sealed class TicketVectors
{
    private readonly Lock _sync = new();
    private readonly Dictionary<int, TicketFacts> _facts = [];
    private readonly Dictionary<int, TicketVector> _vectors = [];
    /// <summary>The requester ids and customer names many tickets repeat, once each (~80 MB less at 1,000,000 tickets).</summary>
    private readonly SharedStrings _strings = new();

    public int Count
    {
        get
        {
            lock (_sync)
                return _vectors.Count;
        }
    }

    public void Describe(TicketFacts facts)
    {
        var shared = facts with { RequesterId = _strings.Share(facts.RequesterId)!, Customer = _strings.Share(facts.Customer) };
        lock (_sync)
            _facts[facts.Number] = shared;
    }

    public void Store(TicketVector vector)
    {
        lock (_sync)
            _vectors[vector.Number] = vector;
    }

    /// <summary>The ticket's facts as last committed.</summary>
    public TicketFacts? Facts(int number)
    {
        lock (_sync)
            return _facts.GetValueOrDefault(number);
    }

    public TicketVector? Vector(int number)
    {
        lock (_sync)
            return _vectors.GetValueOrDefault(number);
    }

    /// <summary>True when the ticket's current text has its vector.</summary>
    public bool IsCurrent(TicketFacts facts)
    {
        lock (_sync)
            return _vectors.TryGetValue(facts.Number, out var v) && v.Fingerprint == facts.Fingerprint;
    }

    /// <summary>The vectors held, for writing them down (<see cref="VectorFile.Compact"/>).</summary>
    public List<TicketVector> All()
    {
        lock (_sync)
            return [.. _vectors.Values];
    }

    /// <summary>The <paramref name="max"/> tickets closest to <paramref name="vector"/> that <paramref name="where"/> admits, closest first.</summary>
    public List<VectorMatch> Nearest(float[] vector, Func<TicketFacts, bool> where, int max, float atLeast = 0)
    {
        var best = new PriorityQueue<VectorMatch, float>(max + 1);
        lock (_sync)
        {
            foreach (var (number, v) in _vectors)
            {
                if (!_facts.TryGetValue(number, out var facts) || !where(facts))
                    continue;
                var similarity = SentenceEmbedder.Cosine(vector, v.Vector);
                if (similarity < atLeast)
                    continue;
                best.Enqueue(new VectorMatch(facts, similarity), similarity);
                if (best.Count > max)
                    best.Dequeue();
            }
        }
        var list = new List<VectorMatch>(best.Count);
        while (best.TryDequeue(out var match, out _))
            list.Add(match);
        list.Reverse();
        return list;
    }
}
