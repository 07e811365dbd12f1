using LiteDB;
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
            var connection = configuration.GetConnectionString(StorageExtensions.ConnectionName);
            var file = new ConnectionString(string.IsNullOrWhiteSpace(connection) ? StorageExtensions.DefaultConnection : connection).Filename;
            if (string.IsNullOrEmpty(file) || file == ":memory:" || file == ":temp:")
                return null;
            var full = Path.GetFullPath(file);
            return Path.Combine(Path.GetDirectoryName(full)!, Path.GetFileNameWithoutExtension(full) + ".search");
        }
    }

    public LuceneDirectory Open() => Folder is { } folder ? FSDirectory.Open(folder) : new RAMDirectory();
}
