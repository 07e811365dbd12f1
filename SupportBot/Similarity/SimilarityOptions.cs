namespace SupportBot.Similarity;

/// <summary>
/// The <c>Similarity</c> section: local sentence embeddings (MiniLM, in-process, on the CPU) ranked together with the
/// BM25 search for similar tickets, and the intake's "looks like #12: merge?" suggestion.
/// </summary>
public sealed class SimilarityOptions
{
    public const string Section = "Similarity";

    /// <summary>Off: no model is loaded, similar tickets are BM25's alone and intake suggests no merges.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// The cosine similarity from which a new ticket is said to look like an open one of the same customer. On the
    /// labelled pairs (SupportBot.Benchmarks similarity) a duplicate scores 0.65 at the median (0.53 at p10), the closest
    /// unrelated ticket 0.46 (0.56 at p90) among a hundred; a customer has far fewer open tickets to confuse it with.
    /// </summary>
    public double DuplicateThreshold { get; set; } = 0.6;

    /// <summary>The cosine similarity below which a ticket is not listed as similar at all, however BM25 ranks it.</summary>
    public double MinSimilarity { get; set; } = 0.3;

    /// <summary>Only tickets this young are checked against open ones: a rebuilt index must not suggest merging old tickets.</summary>
    public TimeSpan SuggestWithin { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Where the vectors are kept; by default beside the search index (<c>supportbot.vectors</c>).</summary>
    public string? IndexPath { get; set; }
}
