using System.IO.Compression;
using System.Text.Json;
using MailCatcher.Core.Sessions;
using MailCatcher.Storage.Database;
using MailCatcher.Storage.Ingest;

namespace MailCatcher.Storage.Queries;

/// <summary>Transcripts are stored as Brotli-compressed JSON: they are written once and read rarely.</summary>
public static class TranscriptCodec
{
    /// <summary>
    /// Serialized, then compressed in one call with <see cref="ContentCodec"/>'s settings: a
    /// BrotliStream per session set up a 4 MB-window encoder and cost as much CPU as compressing
    /// the message itself.
    /// </summary>
    public static byte[] Encode(IReadOnlyList<TranscriptLine> lines) =>
        ContentCodec.Compress(JsonSerializer.SerializeToUtf8Bytes(lines, StorageJson.Options));

    public static IReadOnlyList<TranscriptLine> Decode(byte[] data)
    {
        using var brotli = new BrotliStream(new MemoryStream(data), CompressionMode.Decompress);
        return JsonSerializer.Deserialize<List<TranscriptLine>>(brotli, StorageJson.Options) ?? [];
    }
}
