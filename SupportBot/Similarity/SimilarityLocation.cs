using Microsoft.Extensions.Options;
using SupportBot.Search;

namespace SupportBot.Similarity;

/// <summary>
/// Where the vectors live: <c>Similarity:IndexPath</c>, else a file beside the search index (<c>supportbot.search/</c> →
/// <c>supportbot.vectors</c>); none for an in-memory store, which re-embeds at each start. A file, not the store: the
/// vectors are derived (rebuilt from the tickets), 1.5 KB a ticket that backups, PostgreSQL rows and the change feed
/// need not carry, and each replica keeps its own like its search index.
/// </summary>
public sealed class SimilarityLocation(IOptions<SimilarityOptions> options, SearchLocation search)
{
    public string? File => options.Value.IndexPath is { Length: > 0 } configured
        ? Path.GetFullPath(configured)
        : search.Folder is { } folder ? Path.ChangeExtension(folder.TrimEnd(Path.DirectorySeparatorChar), ".vectors") : null;
}
