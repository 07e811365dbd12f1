using LiteDB;
using Microsoft.Extensions.Logging.Abstractions;
using SupportBot.LiteDb;
using SupportBot.Storage;

namespace SupportBot.Tests.LiteDb;

/// <summary>
/// The store check reads every document a chunk per query (so LiteDB never pins the whole file at once): all the
/// chunks are read, a store that ends on a chunk boundary opens, and a file cut past the first chunk is refused at
/// open by its header, before anything reads it.
/// </summary>
public sealed class StoreCheckTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("supportbot-check-").FullName;

    private string DbPath => Path.Combine(_folder, "store.db");

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private void WriteStore(int documents)
    {
        using var db = new LiteDatabase($"Filename={DbPath}");
        var tickets = db.GetCollection("tickets");
        tickets.InsertBulk(Enumerable.Range(1, documents).Select(i => new BsonDocument { ["_id"] = i, ["Subject"] = $"Ticket {i}", ["Description"] = new string('x', 500) }));
        db.GetCollection("outbox").Insert(new BsonDocument { ["_id"] = 1, ["Text"] = "one" });
    }

    private LiteDatabase Open()
    {
        using var file = new StoreFile($"Filename={DbPath}", (c, m) => new LiteDatabase(c, m), NullLogger<StoreFile>.Instance);
        return file.Open(verify: true);
    }

    [Fact]
    public void A_store_of_whole_chunks_opens_with_every_document()
    {
        WriteStore(2 * StoreFile.CheckChunk);

        using var db = Open();

        var (read, chunks) = (0, 0);
        BsonValue? after = BsonValue.MinValue;
        while (after is { } from)
        {
            (after, var count) = StoreFile.ReadChunk(db, "tickets", from);
            (read, chunks) = (read + count, chunks + 1);
        }
        Assert.Equal(2 * StoreFile.CheckChunk, read);
        Assert.Equal(3, chunks); // the last, empty one says the collection is done
    }

    [Fact]
    public void Documents_lost_past_the_first_chunk_are_found_at_start()
    {
        WriteStore(3 * StoreFile.CheckChunk);
        var length = new FileInfo(DbPath).Length;
        using (var cut = new FileStream(DbPath, FileMode.Open))
            cut.SetLength(length * 3 / 4 / StoreFile.PageSize * StoreFile.PageSize);

        var refused = Assert.Throws<StoreUnavailableException>(Open);

        Assert.Contains("cannot be read", refused.Message, StringComparison.Ordinal);
    }
}
