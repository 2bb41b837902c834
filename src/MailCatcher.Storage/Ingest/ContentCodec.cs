using System.Buffers;
using System.IO.Compression;
using MailCatcher.Core.Content;
using MailCatcher.Storage.Entities;

namespace MailCatcher.Storage.Ingest;

/// <summary>Compresses raw messages for storage and opens them again.</summary>
public static class ContentCodec
{
    /// <summary>
    /// Brotli quality 0: mail is mostly text and headers, and quality 0 keeps 49% -> 51% of the
    /// size for little more than half the CPU of quality 1 (27.9 vs 51.2 us for a 3 KB message of the
    /// corpus), which is spent on every message at ingest.
    /// </summary>
    internal const int Quality = 0;

    /// <summary>A 256 KB window (2^18): larger windows gained 0.1% on the corpus and cost memory for every large message.</summary>
    internal const int WindowBits = 18;

    internal const int ChunkSize = 64 * 1024;

    public static SpooledContent Compress(Stream raw)
    {
        ArgumentNullException.ThrowIfNull(raw);
        using var encoder = new ContentEncoder();
        var input = ArrayPool<byte>.Shared.Rent(ChunkSize);
        try
        {
            int read;
            while ((read = raw.Read(input, 0, input.Length)) > 0)
            {
                encoder.Write(input.AsSpan(0, read));
            }
            return encoder.Finish();
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(input);
        }
    }

    /// <summary>Compresses a payload held in memory (a transcript's JSON) in one call, with the same settings.</summary>
    public static byte[] Compress(ReadOnlySpan<byte> source)
    {
        var destination = ArrayPool<byte>.Shared.Rent(BrotliEncoder.GetMaxCompressedLength(source.Length));
        try
        {
            if (!BrotliEncoder.TryCompress(source, destination, out var written, Quality, WindowBits))
            {
                throw new InvalidOperationException("Brotli compression failed.");
            }
            return destination[..written];
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(destination);
        }
    }

    /// <summary>A readable stream of the original bytes over a stored blob stream.</summary>
    public static Stream Decompress(Stream stored, ContentCompression compression) => compression switch
    {
        ContentCompression.None => stored,
        ContentCompression.Brotli => new BrotliStream(stored, CompressionMode.Decompress, leaveOpen: false),
        _ => throw new InvalidDataException($"Unknown content compression {(int)compression}."),
    };
}
