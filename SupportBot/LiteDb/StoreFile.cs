using LiteDB;
using SupportBot.Storage;

namespace SupportBot.LiteDb;

/// <summary>
/// The data file: opened only by one process at a time (an OS lock on <c>&lt;file&gt;.lock</c> beside it, held for
/// the process's life), and refused when it exists with data but cannot be read — never replaced by a silent new
/// store. Every refusal is a <see cref="StoreUnavailableException"/> with one line naming the file and what to do.
/// </summary>
public sealed class StoreFile(string connectionString, LiteDbOpener opener, ILogger<StoreFile> logger,
    bool flushToDisk = true) : IDisposable
{
    /// <summary>LiteDB writes its data file in pages of this size; any other length is a cut file.</summary>
    public const int PageSize = 8192;

    private readonly ConnectionString _connection = new(connectionString);
    /// <summary>How long a start waits for the lock before deciding another process holds it.</summary>
    private static readonly TimeSpan LockWait = TimeSpan.FromSeconds(3);
    private static int _memoryHandedBack;

    private FileStream? _lock;
    private bool _disposed;

    /// <summary>The data file's full path; null for an in-memory store.</summary>
    public string? Path { get; } = Resolve(new ConnectionString(connectionString).Filename);

    public string LockPath => Path + ".lock";

    /// <summary>LiteDB 5's write-ahead log beside the data file, where every commit is appended.</summary>
    public string? LogPath => Path is null ? null
        : System.IO.Path.Combine(Folder, System.IO.Path.GetFileNameWithoutExtension(Path) + "-log" + System.IO.Path.GetExtension(Path));

    /// <summary>
    /// Makes the commits written so far survive a power cut (fsync of the log). LiteDB 5 writes each commit's pages
    /// to the log without ever flushing them to the disk (LiteDB#2818); it flushes the data file only when a
    /// checkpoint copies the log into it, before emptying the log. So the log alone needs it, once per commit.
    /// </summary>
    public void FlushLog()
    {
        if (!flushToDisk || LogPath is not { } log || !File.Exists(log))
            return;
        // fsync reaches the file's pages whichever descriptor wrote them; LiteDB's own stream is out of reach
        using var handle = File.OpenHandle(log, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        RandomAccess.FlushToDisk(handle);
    }

    /// <summary>
    /// Opens the engine. <paramref name="verify"/> (at start) refuses a file cut short (its header lists more pages
    /// than it holds) before anything reads it; reading every document is <see cref="StoreCheck"/>'s, once the host
    /// answers, since it takes time in proportion to the history (26 s at 1,000,000 tickets).
    /// </summary>
    public LiteDatabase Open(bool verify)
    {
        if (_connection.Connection == ConnectionType.Shared)
        {
            // shared mode opens and closes the file around every operation: measured ~5x slower per write
            logger.LogWarning("ConnectionStrings:LiteDb uses Connection=shared; direct mode is much faster for a single bot process");
        }
        if (Path is not null)
        {
            PrepareFolder();
            TakeLock();
            if (verify)
                RefuseCutFile();
        }
        LiteDatabase? db = null;
        try
        {
            db = opener(_connection, LiteDbFactory.Mapper);
            if (verify)
            {
                var hasData = HasData;
                // the indexes an upgrade adds are built on this engine too
                LiteDb.LiteSchema.Apply(db);
                if (hasData)
                {
                    // LiteDB 5 keeps every page one query reads pinned in its cache until the query ends, and never
                    // gives the cache back: what an upgrade's index build pinned (every document) would stay for good. A
                    // fresh engine starts with an empty cache; the old one is garbage.
                    Dispose(db);
                    db = null;
                    db = opener(_connection, LiteDbFactory.Mapper);
                    // once, at start: hand that memory back to the OS now, not whenever the GC would get round to it.
                    // Once per process: a process opening many stores (the test suite) would stop the world each time
                    if (Interlocked.Exchange(ref _memoryHandedBack, 1) == 0)
                        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
                }
            }
            // each engine has its own mapper to prepare (the indexes exist by now: a no-op for them)
            LiteDb.LiteSchema.Apply(db);
            return db;
        }
        catch (Exception e) when (Path is not null && e is not StoreUnavailableException)
        {
            Dispose(db);
            throw e is UnauthorizedAccessException || (e is IOException && !HasData) ? NotWritable(e) : Damaged(e.Message, e);
        }
    }

    public void Dispose()
    {
        _disposed = true;
        _lock?.Dispose();
        _lock = null;
    }

    private bool HasData => Path is not null && File.Exists(Path) && new FileInfo(Path).Length > 0;

    private string Folder => System.IO.Path.GetDirectoryName(Path)!;

    private void PrepareFolder()
    {
        try
        {
            Directory.CreateDirectory(Folder);
        }
        catch (Exception e) when (e is UnauthorizedAccessException or IOException)
        {
            throw NotWritable(e);
        }
    }

    private void TakeLock()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_lock is not null)
            return;
        var deadline = DateTime.UtcNow + LockWait;
        while (true)
        {
            try
            {
                // FileShare.None is an exclusive flock on Linux and macOS and a share-mode lock on Windows; the OS
                // lifts it when the process dies, so a crash never leaves the file locked
                _lock = new FileStream(LockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
                return;
            }
            catch (UnauthorizedAccessException e)
            {
                throw NotWritable(e);
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                // a restart can come while the previous instance is still closing the file
                Thread.Sleep(100);
            }
            catch (IOException e)
            {
                throw new StoreUnavailableException(
                $"another SupportBot process is using the data file {Path} (it holds {LockPath}). One process per data file: stop the other one, or give this one its own ConnectionStrings:LiteDb.", e, locked: true);
            }
        }
    }

    private void RefuseCutFile()
    {
        if (!HasData)
            return;
        var length = new FileInfo(Path!).Length;
        if (length % PageSize != 0)
            throw Damaged($"its length, {length} bytes, is not a whole number of {PageSize}-byte pages; the file was cut short", null);
        // with a log to replay, pages the header counts may still be on their way from it (a checkpoint cut off)
        var logPending = LogPath is { } log && File.Exists(log) && new FileInfo(log).Length > 0;
        if (!logPending && HeaderPages() is { } pages && pages * PageSize > length)
            throw Damaged($"its header lists {pages} pages but it holds {length / PageSize}; the file was cut short", null);
    }

    /// <summary>LiteDB 5's header page: its signature, and the last page's id (written with each checkpoint).</summary>
    private const int SignatureAt = 32, LastPageIdAt = 64;
    private static readonly byte[] Signature = "** This is a LiteDB file **"u8.ToArray();

    /// <summary>
    /// How many pages the data file's header says the file holds; null when the first page is no LiteDB header (the
    /// engine's open refuses that). A checkpoint writes the pages before the header that counts them, so a whole file
    /// holds at least as many; pages written since live in the log, which the header on disk does not count yet.
    /// </summary>
    private long? HeaderPages()
    {
        var header = new byte[PageSize];
        using (var stream = new FileStream(Path!, FileMode.Open, FileAccess.Read, FileShare.ReadWrite))
            stream.ReadExactly(header);
        if (!header.AsSpan(SignatureAt, Signature.Length).SequenceEqual(Signature))
            return null;
        return BitConverter.ToUInt32(header, LastPageIdAt) + 1L;
    }

    /// <summary>Documents <see cref="StoreCheck"/> reads per query.</summary>
    public const int CheckChunk = 1000;

    /// <summary>
    /// Reads the documents of <paramref name="collection"/> after <paramref name="after"/> (in <c>_id</c> order), at
    /// most <see cref="CheckChunk"/>: one query over the whole file would pin every page it read in LiteDB's cache
    /// until it ended, the file's size at once (1.5 GB at 1,000,000 tickets), while a chunk's pages are free for the
    /// next one. The <c>_id</c> of the last one read, or null when the collection is done.
    /// </summary>
    public static (BsonValue? Last, int Read) ReadChunk(LiteDatabase db, string collection, BsonValue after)
    {
        var chunk = db.GetCollection(collection).Find(Query.GT("_id", after), 0, CheckChunk).ToList();
        return (chunk.Count < CheckChunk ? null : chunk[^1]["_id"], chunk.Count);
    }

    /// <summary>The refusal for a file whose documents could not all be read; <see cref="StoreCheck"/> stops the app with it.</summary>
    public StoreUnavailableException Unreadable(string reason, Exception? inner) => Damaged(reason, inner);

    private StoreUnavailableException Damaged(string reason, Exception? inner) => new(
        $"the data file {Path} exists but cannot be read ({reason}). Nothing was changed. Restore it from a backup (see README, Backups), " +
        "or move it aside to start an empty store on purpose.", inner);

    private StoreUnavailableException NotWritable(Exception e) => new(
        $"the data folder {Folder} is not writable for user {Environment.UserName} (uid {Uid}): {e.Message} " +
        "Give that user write access (e.g. chown the Docker volume) or point ConnectionStrings:LiteDb elsewhere.", e);

    private static string Uid => OperatingSystem.IsWindows() ? "n/a" : Environment.GetEnvironmentVariable("UID") ?? UnixUid();

    private static string UnixUid()
    {
        try
        {
            return File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("Uid:", StringComparison.Ordinal))?
                .Split('\t', StringSplitOptions.RemoveEmptyEntries).ElementAtOrDefault(1) ?? "unknown";
        }
        catch (IOException)
        {
            return "unknown";
        }
    }

    private static string? Resolve(string? filename) =>
        string.IsNullOrEmpty(filename) || filename == ":memory:" || filename == ":temp:" ? null : System.IO.Path.GetFullPath(filename);

    private static void Dispose(LiteDatabase? db)
    {
        try
        {
            db?.Dispose();
        }
        catch (Exception)
        {
            // a half-opened engine may fail to close; it is dropped either way
        }
    }
}
