using System.Text.RegularExpressions;

namespace SupportBot.Tests.Architecture;

/// <summary>
/// The layer table of docs/architecture.md: for each top-level folder of the app (and <c>Program.cs</c>), the folders
/// it may use. "every folder" (every folder row, not Program.cs), "every folder above it" and "except X" are read as
/// the table says them.
/// </summary>
public sealed partial class FolderRules(IReadOnlyDictionary<string, IReadOnlySet<string>> mayUse)
{
    public IReadOnlyDictionary<string, IReadOnlySet<string>> MayUse { get; } = mayUse;

    public bool Allows(string from, string to) => from == to || (MayUse.TryGetValue(from, out var allowed) && allowed.Contains(to));

    /// <summary>Parses the rows <c>| `Folder` | layer | may use |</c>.</summary>
    public static FolderRules Parse(string markdown)
    {
        var rows = new List<(string Folder, string MayUse)>();
        foreach (var line in markdown.Split('\n'))
        {
            if (Row().Match(line) is { Success: true } m)
                rows.Add((m.Groups["folder"].Value, m.Groups["uses"].Value.Trim()));
        }
        var folders = rows.Select(r => r.Folder).ToList();
        var rules = new Dictionary<string, IReadOnlySet<string>>();
        for (var i = 0; i < rows.Count; i++)
        {
            var (folder, uses) = rows[i];
            var except = Except().Match(uses) is { Success: true } e
                ? e.Groups["names"].Value.Split([',', ' ', '(', ')'], StringSplitOptions.RemoveEmptyEntries).Where(folders.Contains).ToHashSet()
                : [];
            IEnumerable<string> allowed = uses switch
            {
                _ when uses.StartsWith("every folder above it", StringComparison.Ordinal) => folders.Take(i),
                _ when uses.StartsWith("every folder", StringComparison.Ordinal) => folders.Where(f => !f.EndsWith(".cs", StringComparison.Ordinal)),
                "—" or "-" or "" => [],
                _ => uses.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries),
            };
            rules[folder] = allowed.Where(f => f != folder && !except.Contains(f)).ToHashSet();
        }
        return new FolderRules(rules);
    }

    /// <summary>A cycle among the allowed edges (the folders in order, the first repeated at the end), or null.</summary>
    public IReadOnlyList<string>? Cycle()
    {
        var state = new Dictionary<string, int>(); // 1: on the current path, 2: done
        var path = new List<string>();
        foreach (var start in MayUse.Keys.Order(StringComparer.Ordinal))
        {
            if (Visit(start) is { } cycle)
                return cycle;
        }
        return null;

        IReadOnlyList<string>? Visit(string node)
        {
            if (state.GetValueOrDefault(node) == 2)
                return null;
            if (state.GetValueOrDefault(node) == 1)
                return [.. path[path.IndexOf(node)..], node];
            state[node] = 1;
            path.Add(node);
            foreach (var next in MayUse.GetValueOrDefault(node, new HashSet<string>()).Order(StringComparer.Ordinal))
            {
                if (Visit(next) is { } cycle)
                    return cycle;
            }
            path.RemoveAt(path.Count - 1);
            state[node] = 2;
            return null;
        }
    }

    [GeneratedRegex(@"^\|\s*`(?<folder>[A-Za-z.]+)`\s*\|\s*[a-z]+\s*\|(?<uses>[^|]*)\|\s*$")]
    private static partial Regex Row();

    [GeneratedRegex(@"except (?<names>.*)$")]
    private static partial Regex Except();
}
