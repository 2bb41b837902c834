using System.IO.Compression;
using System.Text.Json;
using MailCatcher.Core.Sessions;
using MailCatcher.Storage.Database;

namespace MailCatcher.Storage.Queries;

/// <summary>Transcripts are stored as Brotli-compressed JSON: they are written once and read rarely.</summary>
public static class TranscriptCodec
{
    public static byte[] Encode(IReadOnlyList<TranscriptLine> lines)
    {
        using var output = new MemoryStream();
        using (var brotli = new BrotliStream(output, CompressionLevel.Fastest, leaveOpen: true))
        {
            JsonSerializer.Serialize(brotli, lines, StorageJson.Options);
        }
        return output.ToArray();
    }

    public static IReadOnlyList<TranscriptLine> Decode(byte[] data)
    {
        using var brotli = new BrotliStream(new MemoryStream(data), CompressionMode.Decompress);
        return JsonSerializer.Deserialize<List<TranscriptLine>>(brotli, StorageJson.Options) ?? [];
    }
}
