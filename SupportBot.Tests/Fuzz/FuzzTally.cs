using System.Diagnostics;
using System.Text;

namespace SupportBot.Tests.Fuzz;

/// <summary>What a fuzz run sent and what came back: counts per endpoint, category and status, and the failures.</summary>
public sealed class FuzzTally(int seed)
{
    private const int KeptKinds = 40;
    private readonly SortedDictionary<string, int> _byEndpoint = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, int> _byCategory = new(StringComparer.Ordinal);
    private readonly SortedDictionary<int, int> _byStatus = [];
    private readonly SortedDictionary<string, int> _byVariant = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (int Count, string Example)> _failures = new(StringComparer.Ordinal);
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly Lock _sync = new();

    public int Seed => seed;

    public int Total { get; private set; }

    public int FailureCount { get; private set; }

    public void Record(FuzzRequest request, int status)
    {
        lock (_sync)
            RecordUnlocked(request, status);
    }

    /// <summary>A failure, kept once per kind (endpoint, category and the start of the reason) with how often it happened.</summary>
    public void Fail(FuzzRequest request, string why) =>
        Fail($"{request.Endpoint} {request.Category} {(why.Length > 40 ? why[..40] : why)}", $"{why}\n    {request.Describe()}");

    public void Fail(string why) => Fail(why.Length > 120 ? why[..120] : why, why);

    private void Fail(string kind, string example)
    {
        lock (_sync)
        {
            FailureCount++;
            if (_failures.TryGetValue(kind, out var seen))
                _failures[kind] = (seen.Count + 1, seen.Example);
            else if (_failures.Count < KeptKinds)
                _failures[kind] = (1, example);
        }
    }

    private void RecordUnlocked(FuzzRequest request, int status)
    {
        Total++;
        Bump(_byEndpoint, request.Endpoint);
        Bump(_byCategory, $"{request.Endpoint} {request.Category}");
        _byStatus[status] = _byStatus.GetValueOrDefault(status) + 1;
        if (request.Variant.Length > 0)
            Bump(_byVariant, request.Variant.Split(':')[0]);
    }

    /// <summary>The summary for the test output; with the seed, so a failing run can be replayed (FUZZ_SEED).</summary>
    public string Report(string title)
    {
        var text = new StringBuilder();
        text.AppendLine($"{title}: {Total} requests in {_clock.Elapsed.TotalSeconds:F1} s, seed {seed} (replay with FUZZ_SEED={seed})");
        text.AppendLine("  per endpoint: " + string.Join(", ", _byEndpoint.Select(p => $"{p.Key} {p.Value}")));
        text.AppendLine("  per status:   " + string.Join(", ", _byStatus.Select(p => $"{p.Key}: {p.Value}")));
        if (_byVariant.Count > 0)
            text.AppendLine("  per body:     " + string.Join(", ", _byVariant.Select(p => $"{p.Key} {p.Value}")));
        text.AppendLine("  per category:");
        foreach (var (category, count) in _byCategory)
            text.AppendLine($"    {count,6}  {category}");
        return text.ToString();
    }

    public string Failures() =>
        $"{FailureCount} failure(s), seed {seed} (replay with FUZZ_SEED={seed}):\n" +
        string.Join("\n", _failures.Values.Select(f => $"{f.Count}x {f.Example}"));

    private static void Bump(SortedDictionary<string, int> counts, string key) => counts[key] = counts.GetValueOrDefault(key) + 1;
}

/// <summary>Seeds are fixed so runs repeat; FUZZ_SEED overrides them to replay or explore.</summary>
public static class FuzzSeed
{
    public static int Or(int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable("FUZZ_SEED"), System.Globalization.CultureInfo.InvariantCulture, out var seed) ? seed : fallback;

    /// <summary>
    /// How many requests a fuzz test sends: <paramref name="everyRun"/> times <c>FUZZ_SCALE</c> (1 unless set). Every run
    /// keeps to a count that fits the suite's few minutes; a longer hunt sets the scale (and a new seed).
    /// </summary>
    public static int Count(int everyRun) =>
        int.TryParse(Environment.GetEnvironmentVariable("FUZZ_SCALE"), System.Globalization.CultureInfo.InvariantCulture, out var scale) && scale > 0
            ? everyRun * scale : everyRun;
}
