using System.IO.Compression;
using MailCatcher.Core.Content;
using MailCatcher.Storage.Entities;

namespace MailCatcher.Storage.Ingest;

/// <summary>Compresses raw messages for storage and opens them again.</summary>
public static class ContentCodec
{
    /// <summary>Brotli at its fastest level: ingest speed matters more than the last few percent.</summary>
    public static SpooledContent Compress(Stream raw)
    {
        ArgumentNullException.ThrowIfNull(raw);
        var compressed = new SpooledContent();
        using (var brotli = new BrotliStream(new SpoolWriteStream(compressed), CompressionLevel.Fastest, leaveOpen: false))
        {
            raw.CopyTo(brotli, 64 * 1024);
        }
        return compressed;
    }

    /// <summary>A readable stream of the original bytes over a stored blob stream.</summary>
    public static Stream Decompress(Stream stored, ContentCompression compression) => compression switch
    {
        ContentCompression.None => stored,
        ContentCompression.Brotli => new BrotliStream(stored, CompressionMode.Decompress, leaveOpen: false),
        _ => throw new InvalidDataException($"Unknown content compression {(int)compression}."),
    };

    /// <summary>Adapts a <see cref="SpooledContent"/> to the write-only <see cref="Stream"/> that compressors need.</summary>
    private sealed class SpoolWriteStream(SpooledContent spool) : Stream
    {
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => spool.Length;

        public override long Position
        {
            get => spool.Length;
            set => throw new NotSupportedException();
        }

        public override void Write(byte[] buffer, int offset, int count) => spool.Write(buffer.AsSpan(offset, count));

        public override void Write(ReadOnlySpan<byte> buffer) => spool.Write(buffer);

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
