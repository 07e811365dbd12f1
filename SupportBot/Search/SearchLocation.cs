using Lucene.Net.Store;
using SupportBot.Storage;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace SupportBot.Search;

/// <summary>
/// Where the index lives: <c>Search:IndexPath</c>, else a folder beside the LiteDB file (<c>supportbot.db</c> →
/// <c>supportbot.search/</c>), in memory for an in-memory store. Deleting the folder makes the bot rebuild it.
/// </summary>
public sealed class SearchLocation(IConfiguration configuration)
{
    public string? Folder
    {
        get
        {
            if (configuration["Search:IndexPath"] is { Length: > 0 } configured)
                return Path.GetFullPath(configured);
            if (StoreEngine.LiteDbFile(configuration) is not { } full)
                return null;
            return Path.Combine(Path.GetDirectoryName(full)!, Path.GetFileNameWithoutExtension(full) + ".search");
        }
    }

    public LuceneDirectory Open() => Folder is { } folder ? FSDirectory.Open(folder) : new RAMDirectory();
}
