using System.Diagnostics;
using System.Globalization;
using SupportBot.Similarity;
using SupportBot.Tickets;

namespace SupportBot.Benchmarks;

/// <summary>
/// Local semantic similarity: ranking quality on the labelled pairs (BM25 alone, cosine alone, reciprocal rank fusion,
/// weighted sums), the model's cost (load, memory, time per ticket), and at N tickets the vectors' memory, file size,
/// load time and nearest-neighbour query p50/p99. The N vectors are the labelled tickets' real embeddings with noise
/// (the scan's cost does not depend on what they say; embedding 100,000 tickets for real takes the better part of an hour).
/// </summary>
public static class SimilarityBenchmark
{
    public static Task<int> RunAsync(string[] args)
    {
        var options = new BenchArgs(args);
        int tickets = options.Int("tickets", 100_000), queries = options.Int("queries", 1_000);
        Report.Machine();
        var set = LabelledSet.Load(Path.Combine(AppContext.BaseDirectory, "Data", "similarity-pairs.tsv"));
        var texts = set.Corpus.Concat(set.Queries).Select(t => SentenceEmbedder.TextOf(t.Subject, t.Description)).ToList();
        ModelCost(texts);
        using var bench = new RankingBench(set);
        Quality(bench);
        Scale(bench, tickets, queries);
        return Task.FromResult(0);
    }

    private static void ModelCost(List<string> texts)
    {
        using var process = Process.GetCurrentProcess();
        var before = process.WorkingSet64;
        var load = Stopwatch.StartNew();
        SentenceEmbedder.Embed(["warm up"]);
        load.Stop();
        process.Refresh();
        Print($"model load and first embedding: {load.ElapsedMilliseconds} ms; working set +{(process.WorkingSet64 - before) / 1048576.0:F0} MB");
        var one = Stopwatch.StartNew();
        foreach (var text in texts)
            SentenceEmbedder.Embed([text]);
        one.Stop();
        var batched = Stopwatch.StartNew();
        foreach (var chunk in texts.Chunk(16))
            SentenceEmbedder.Embed(chunk);
        batched.Stop();
        process.Refresh();
        Print($"embedding, {texts.Count} tickets (avg {texts.Average(t => t.Length):F0} chars): {one.Elapsed.TotalMilliseconds / texts.Count:F1} ms a ticket one by one, {batched.Elapsed.TotalMilliseconds / texts.Count:F1} ms in batches of 16; working set {process.WorkingSet64 / 1048576.0:F0} MB, peak {process.PeakWorkingSet64 / 1048576.0:F0} MB");
    }

    private static void Quality(RankingBench bench)
    {
        var n = bench.Set.Queries.Count;
        Print($"\nranking: {n} queries, each with one duplicate among {bench.Set.Corpus.Count} tickets (hit@k: the duplicate in the first k; P@3 = hit@3 / 3)");
        Print($"| {"ranking",-28} | {"hit@1",6} | {"hit@3",6} | {"P@3",5} |");
        Print($"|{new string('-', 30)}|{new string('-', 8)}|{new string('-', 8)}|{new string('-', 7)}|");
        Row("BM25 alone (Search)", q => bench.Bm25(q, 3));
        Row("cosine alone (MiniLM)", q => [.. bench.Cosine(q, 3).Select(m => m.Ticket.Number)]);
        Row("reciprocal rank fusion", q => bench.ReciprocalRank(q, 3));
        foreach (var w in new[] { 0.3, 0.5, 0.7, 0.9 })
            Row($"weighted sum, cosine {w:0.0}", q => bench.Weighted(q, w, 3));
        var duplicates = bench.Set.Queries.Select(q => bench.Cosine(q, 60).First(m => Group(bench, m.Ticket.Number) == q.Group).Similarity).Order().ToList();
        var unrelated = bench.Set.Queries.Select(q => bench.Cosine(q, 60).First(m => Group(bench, m.Ticket.Number) != q.Group).Similarity).Order().ToList();
        Print($"cosine of each query's duplicate: min {duplicates[0]:F2}, p10 {duplicates[n / 10]:F2}, median {duplicates[n / 2]:F2}; of its closest unrelated ticket: median {unrelated[n / 2]:F2}, p90 {unrelated[n * 9 / 10]:F2}, max {unrelated[^1]:F2}");

        void Row(string name, Func<LabelledTicket, IReadOnlyList<int>> rank)
        {
            int at1 = bench.HitsAt(1, rank), at3 = bench.HitsAt(3, rank);
            Print($"| {name,-28} | {at1,2}/{n,-3} | {at3,2}/{n,-3} | {at3 / (3.0 * n),5:F2} |");
        }
    }

    private static int Group(RankingBench bench, int number) => bench.Set.Corpus.First(t => t.Number == number).Group;

    private static void Scale(RankingBench bench, int tickets, int queries)
    {
        var random = new Random(7);
        var seeds = bench.Vectors.All().Select(v => v.Vector).ToList();
        GC.Collect();
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var vectors = new TicketVectors();
        for (var n = 1; n <= tickets; n++)
        {
            vectors.Describe(new TicketFacts(n, $"Ticket {n}", 0, random.Next(10) < 8 ? TicketStatus.Closed : TicketStatus.Open,
                $"U{random.Next(5000)}", $"Customer {random.Next(500)}", DateTime.UnixEpoch, true));
            vectors.Store(new TicketVector(n, n, Noisy(seeds[random.Next(seeds.Count)], random)));
        }
        var managed = GC.GetTotalMemory(forceFullCollection: true) - before;
        Print($"\n{tickets:N0} tickets: vectors and facts hold {managed / 1048576.0:F0} MB of managed heap");

        var path = Path.Combine(Path.GetTempPath(), $"supportbot-bench-{Guid.NewGuid():N}.vectors");
        try
        {
            using (var file = new VectorFile(path))
            {
                file.Load();
                file.Append(vectors.All());
            }
            var load = Stopwatch.StartNew();
            using (var file = new VectorFile(path))
                file.Load();
            Print($"vector file: {new FileInfo(path).Length / 1048576.0:F0} MB on disk, loaded in {load.ElapsedMilliseconds} ms");
        }
        finally
        {
            File.Delete(path);
        }

        Print($"| {"query",-26} | {"n",6} | {"p50 ms",7} | {"p99 ms",7} | {"max ms",7} |");
        Print($"|{new string('-', 28)}|{new string('-', 8)}|{new string('-', 9)}|{new string('-', 9)}|{new string('-', 9)}|");
        SearchBenchmark.Row("nearest 50, solved (take)", SearchBenchmark.Time(queries,
            () => vectors.Nearest(vectors.Vector(random.Next(1, tickets))!.Vector, t => t.IsSolved, HybridRanking.Candidates, 0.3f)));
        SearchBenchmark.Row("nearest 1, same customer", SearchBenchmark.Time(queries, () =>
        {
            var fresh = vectors.Facts(random.Next(1, tickets))!;
            vectors.Nearest(vectors.Vector(fresh.Number)!.Vector, t => t.IsOpen && t.SameCustomerAs(fresh), 1, 0.7f);
        }));
        var bm25 = Enumerable.Range(1, 50).ToList();
        var cosine = Enumerable.Range(25, 50).ToList();
        SearchBenchmark.Row("fusion of two 50-lists", SearchBenchmark.Time(queries, () => HybridRanking.ReciprocalRank(bm25, cosine, 3)));
    }

    /// <summary>A seed vector moved a little in a random direction, back to unit length.</summary>
    private static float[] Noisy(float[] seed, Random random)
    {
        var v = new float[seed.Length];
        for (var i = 0; i < v.Length; i++)
            v[i] = seed[i] + (float)(random.NextDouble() - 0.5) * 0.1f;
        var norm = MathF.Sqrt(v.Sum(x => x * x));
        for (var i = 0; i < v.Length; i++)
            v[i] /= norm;
        return v;
    }

    private static void Print(FormattableString line) => Console.WriteLine(line.ToString(CultureInfo.InvariantCulture));
}
