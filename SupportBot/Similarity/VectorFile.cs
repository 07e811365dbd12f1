using System.Runtime.InteropServices;

namespace SupportBot.Similarity;

/// <summary>
/// The vectors on disk, so a restart embeds only what changed: an append-only file of (number, fingerprint, 384 floats)
/// records, the last one of a number winning. A record cut short by a crash is dropped at load (that ticket is embedded
/// again); a file of another model or format is started afresh. It is rewritten whole (to a temporary file, then
/// renamed over) when it holds twice as many records as tickets. Derived data, like the search index: deleting it
/// costs a re-embedding in the background, nothing else.
/// </summary>
public sealed class VectorFile(string path) : IDisposable
{
    private const long Magic = 0x31_43_45_56_42_53; // "SBVEC1"
    private const int RecordBytes = sizeof(int) + sizeof(long) + SentenceEmbedder.Dimensions * sizeof(float);
    private const int HeaderBytes = sizeof(long) + sizeof(int);

    private FileStream? _append;
    private int _records;

    public string Path => path;

    /// <summary>Reads every whole record; the file is then open for appending after the last one.</summary>
    public List<TicketVector> Load()
    {
        var loaded = new Dictionary<int, TicketVector>();
        var stream = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.Read);
        using var reader = new BinaryReader(stream, System.Text.Encoding.UTF8, leaveOpen: true);
        if (stream.Length < HeaderBytes || reader.ReadInt64() != Magic || reader.ReadInt32() != SentenceEmbedder.Dimensions)
        {
            stream.SetLength(0);
            WriteHeader(stream);
        }
        else
        {
            var whole = (stream.Length - HeaderBytes) / RecordBytes;
            for (var i = 0; i < whole; i++)
            {
                var number = reader.ReadInt32();
                var fingerprint = reader.ReadInt64();
                var vector = new float[SentenceEmbedder.Dimensions];
                reader.BaseStream.ReadExactly(MemoryMarshal.AsBytes(vector.AsSpan()));
                loaded[number] = new TicketVector(number, fingerprint, vector);
            }
            _records = (int)whole;
            stream.SetLength(HeaderBytes + whole * RecordBytes); // drops a torn last record
        }
        stream.Seek(0, SeekOrigin.End);
        _append = stream;
        return [.. loaded.Values];
    }

    /// <summary>Appends and flushes to disk: what was embedded survives a crash.</summary>
    public void Append(IReadOnlyList<TicketVector> vectors)
    {
        var stream = _append ?? throw new InvalidOperationException("Load the vector file first.");
        foreach (var v in vectors)
            Write(stream, v);
        stream.Flush(flushToDisk: true);
        _records += vectors.Count;
    }

    public bool NeedsCompacting(int live) => _records > 2 * live + 1000;

    /// <summary>Rewrites the file with one record per ticket.</summary>
    public void Compact(IReadOnlyList<TicketVector> live)
    {
        var temporary = path + ".tmp";
        using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write))
        {
            WriteHeader(stream);
            foreach (var v in live)
                Write(stream, v);
            stream.Flush(flushToDisk: true);
        }
        _append?.Dispose();
        File.Move(temporary, path, overwrite: true);
        _append = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.Read);
        _records = live.Count;
    }

    private static void WriteHeader(Stream stream)
    {
        stream.Write(BitConverter.GetBytes(Magic));
        stream.Write(BitConverter.GetBytes(SentenceEmbedder.Dimensions));
    }

    private static void Write(Stream stream, TicketVector v)
    {
        stream.Write(BitConverter.GetBytes(v.Number));
        stream.Write(BitConverter.GetBytes(v.Fingerprint));
        stream.Write(MemoryMarshal.AsBytes(v.Vector.AsSpan()));
    }

    public void Dispose() => _append?.Dispose();
}
