using LiteDB;

namespace SupportBot.Tests.Infrastructure;

/// <summary>
/// The real LiteDB engine over the test's real files, through streams that fail every write with "No space left on
/// device" while <see cref="Full"/> is set: a full disk, played without filling one.
/// </summary>
public sealed class FillableDisk
{
    private volatile bool _full;

    public bool Full
    {
        get => _full;
        set => _full = value;
    }

    public LiteDatabase Open(ConnectionString connection, BsonMapper mapper) =>
        new(Stream(connection.Filename), mapper, Stream(Path.ChangeExtension(connection.Filename, null) + "-log.db"));

    private DiskStream Stream(string path) => new(this, new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.ReadWrite));

    private sealed class DiskStream(FillableDisk disk, FileStream file) : Stream
    {
        public override bool CanRead => true;
        public override bool CanSeek => true;
        public override bool CanWrite => true;
        public override long Length => file.Length;

        public override long Position
        {
            get => file.Position;
            set => file.Position = value;
        }

        public override int Read(byte[] buffer, int offset, int count) => file.Read(buffer, offset, count);

        public override long Seek(long offset, SeekOrigin origin) => file.Seek(offset, origin);

        public override void Write(byte[] buffer, int offset, int count)
        {
            NoSpace();
            file.Write(buffer, offset, count);
        }

        public override void SetLength(long value)
        {
            NoSpace();
            file.SetLength(value);
        }

        public override void Flush()
        {
            NoSpace();
            file.Flush(flushToDisk: true);
        }

        private void NoSpace()
        {
            if (disk.Full)
                throw new IOException("No space left on device");
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
                file.Dispose();
            base.Dispose(disposing);
        }
    }
}
