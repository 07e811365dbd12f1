using System.Text.RegularExpressions;

namespace SupportBot.Tests.Architecture;

/// <summary>One use of another top-level folder: the file, its line, and the two folders.</summary>
public sealed record FolderEdge(string File, int Line, string From, string To)
{
    public override string ToString() => $"{File}:{Line}: {From} -> {To}";
}

/// <summary>
/// Reads which top-level folders each app file uses: its <c>using SupportBot.X</c> lines (plain, static, global or
/// aliased) and any fully qualified <c>SupportBot.X.</c> name in its code (comments and string literals left out).
/// A file directly in the project folder (Program.cs) is its own node.
/// </summary>
public static partial class FolderEdges
{
    public static IEnumerable<FolderEdge> Read(string projectFolder) =>
        Directory.EnumerateFiles(projectFolder, "*.cs", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(projectFolder, path).Replace('\\', '/'))
            .Where(file => !file.StartsWith("bin/", StringComparison.Ordinal) && !file.StartsWith("obj/", StringComparison.Ordinal))
            .SelectMany(file => Of(file, File.ReadAllText(Path.Combine(projectFolder, file))));

    public static IEnumerable<FolderEdge> Of(string file, string source)
    {
        var from = file.Contains('/', StringComparison.Ordinal) ? file[..file.IndexOf('/', StringComparison.Ordinal)] : file;
        var lines = source.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var code = CodeOnly(lines[i]);
            var targets = Using().Match(code) is { Success: true } u
                ? [u.Groups["folder"].Value]
                : Qualified().Matches(code).Select(m => m.Groups["folder"].Value);
            foreach (var to in targets.Distinct())
            {
                if (to != from)
                    yield return new FolderEdge(file, i + 1, from, to);
            }
        }
    }

    /// <summary>The line without its // comment and string literals (good enough for the app's code).</summary>
    private static string CodeOnly(string line)
    {
        var trimmed = line.TrimStart();
        if (trimmed.StartsWith("//", StringComparison.Ordinal) || trimmed.StartsWith('*'))
            return "";
        return Strings().Replace(line, "\"\"");
    }

    [GeneratedRegex(@"^\s*(global\s+)?using\s+(static\s+)?(\w+\s*=\s*)?SupportBot\.(?<folder>[A-Za-z]+)\b")]
    private static partial Regex Using();

    [GeneratedRegex(@"(?<![\w.])SupportBot\.(?<folder>[A-Z][A-Za-z]+)\.")]
    private static partial Regex Qualified();

    [GeneratedRegex(@"@?\$?""(?:[^""\\]|\\.)*""")]
    private static partial Regex Strings();
}
