using System.Globalization;

namespace SupportBot.Tickets;

/// <summary>A file someone shared with a message (Slack's <c>files</c>): what the team needs to find it. A class, because LiteDB maps by setters.</summary>
public sealed class MessageFile
{
    public string Name { get; set; } = "";

    /// <summary>Bytes; 0 when Slack did not say.</summary>
    public long Size { get; set; }

    /// <summary>Where the file opens in Slack (for the workspace's members); null when Slack gave none.</summary>
    public string? Permalink { get; set; }

    /// <summary>"report.pdf (1.2 MB)": how a file is named wherever it is listed (a method: stores map properties).</summary>
    public string Label() => Size > 0 ? $"{Name} ({Bytes(Size)})" : Name;

    /// <summary>One line per file, with its link: what a description or a reply keeps as text.</summary>
    public static string Listing(IEnumerable<MessageFile> files) =>
        string.Join("\n", files.Select(f => $"📎 {f.Label()}{(f.Permalink is null ? "" : $": {f.Permalink}")}"));

    /// <summary>A message's text with its files listed under it; for a file-only message, the files alone.</summary>
    public static string WithFiles(string text, IReadOnlyCollection<MessageFile> files) =>
        files.Count == 0 ? text : string.Join("\n\n", new[] { text.Trim(), Listing(files) }.Where(p => p.Length > 0));

    /// <summary>A reply's text; a file-only reply is never stored empty: it says what was shared.</summary>
    public static string Caption(string text, IReadOnlyCollection<MessageFile> files) =>
        text.Trim().Length > 0 || files.Count == 0 ? text : $"Shared {string.Join(", ", files.Select(f => f.Label()))}";

    public static string Bytes(long size) => size switch
    {
        < 1024 => $"{size} B",
        < 1024 * 1024 => (size / 1024.0).ToString("0.#", CultureInfo.InvariantCulture) + " KB",
        < 1024L * 1024 * 1024 => (size / (1024.0 * 1024)).ToString("0.#", CultureInfo.InvariantCulture) + " MB",
        _ => (size / (1024.0 * 1024 * 1024)).ToString("0.#", CultureInfo.InvariantCulture) + " GB",
    };
}
