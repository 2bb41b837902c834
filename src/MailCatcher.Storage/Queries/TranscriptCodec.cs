using System.Buffers;
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
    public static byte[] Encode(IReadOnlyList<TranscriptLine> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var json = new ArrayBufferWriter<byte>(64 * lines.Count + 16);
        using (var writer = new Utf8JsonWriter(json))
        {
            Write(writer, lines);
        }
        return ContentCodec.Compress(json.WrittenSpan);
    }

    /// <summary>
    /// Writes exactly what <c>JsonSerializer</c> with <see cref="StorageJson.Options"/> writes for
    /// the list (camelCase names in declaration order, the direction as a camelCase string, the
    /// time in the writer's ISO 8601 form; TranscriptCodecTests compares the two), by hand: every
    /// session's end encodes its transcript, and the reflection serializer was 1.6% of the CPU of
    /// one-message-per-connection ingest (issue 16).
    /// </summary>
    internal static void Write(Utf8JsonWriter writer, IReadOnlyList<TranscriptLine> lines)
    {
        writer.WriteStartArray();
        foreach (var line in lines)
        {
            writer.WriteStartObject();
            writer.WriteString("at"u8, line.At);
            writer.WriteString("direction"u8, line.Direction switch
            {
                TranscriptDirection.In => "in"u8,
                TranscriptDirection.Out => "out"u8,
                TranscriptDirection.Info => "info"u8,
                _ => throw new ArgumentOutOfRangeException(nameof(lines), line.Direction, "Unknown transcript direction."),
            });
            writer.WriteString("text"u8, line.Text);
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
    }

    public static IReadOnlyList<TranscriptLine> Decode(byte[] data)
    {
        using var brotli = new BrotliStream(new MemoryStream(data), CompressionMode.Decompress);
        return JsonSerializer.Deserialize<List<TranscriptLine>>(brotli, StorageJson.Options) ?? [];
    }
}
