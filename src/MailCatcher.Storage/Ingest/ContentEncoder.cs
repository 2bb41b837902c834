using System.Buffers;
using System.IO.Compression;
using MailCatcher.Core.Content;

namespace MailCatcher.Storage.Ingest;

/// <summary>
/// Compresses raw message bytes fed in pieces into a new spool, with <see cref="ContentCodec"/>'s
/// settings: the whole content at once (<see cref="ContentCodec.Compress(Stream)"/>) or as it
/// arrives (<see cref="StreamingCompressor"/>).
/// </summary>
internal sealed class ContentEncoder : IDisposable
{
    private BrotliEncoder _encoder = new(ContentCodec.Quality, ContentCodec.WindowBits);
    private readonly byte[] _output = ArrayPool<byte>.Shared.Rent(ContentCodec.ChunkSize);
    private SpooledContent? _compressed = new();
    private bool _disposed;

    public void Write(ReadOnlySpan<byte> raw) => Encode(raw, isFinalBlock: false);

    /// <summary>Ends the stream and hands over the compressed content, which the caller then owns.</summary>
    public SpooledContent Finish()
    {
        Encode([], isFinalBlock: true);
        var compressed = _compressed!;
        _compressed = null;
        return compressed;
    }

    /// <summary>Feeds one piece to the encoder, writing its output until the piece is consumed (and, for the final block, the stream finished).</summary>
    private void Encode(ReadOnlySpan<byte> source, bool isFinalBlock)
    {
        ObjectDisposedException.ThrowIf(_disposed || _compressed is null, this);
        while (true)
        {
            var status = _encoder.Compress(source, _output, out var consumed, out var written, isFinalBlock);
            _compressed.Write(_output.AsSpan(0, written));
            source = source[consumed..];
            switch (status)
            {
                case OperationStatus.Done:
                    return;
                case OperationStatus.DestinationTooSmall:
                    continue;
                default:
                    throw new InvalidOperationException($"Brotli compression failed: {status}.");
            }
        }
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }
        _disposed = true;
        _encoder.Dispose();
        ArrayPool<byte>.Shared.Return(_output);
        _compressed?.Dispose();
    }
}
