using MailCatcher.Core.Content;
using MailCatcher.Core.Messages;
using MailCatcher.Storage.Database;
using MailCatcher.Storage.Search;

namespace MailCatcher.Storage.Ingest;

/// <summary>
/// A received message made ready for the writer: parsed, compressed and serialized on the
/// receiving session's thread, in parallel across sessions, so the single writer only binds
/// finished values and copies bytes into the database.
/// </summary>
public sealed class PreparedMessage : IDisposable
{
    /// <summary>Compressed content up to this size is bound as one value; larger content is streamed into the blob.</summary>
    public const int InlineContentLimit = 256 * 1024;

    private PreparedMessage(IncomingMessage incoming, ParsedSummary summary, SpooledContent compressed)
    {
        Incoming = incoming;
        Summary = summary;
        Compressed = compressed;
        CompressedBytes = compressed.Length <= InlineContentLimit ? compressed.ToArray() : null;
        Search = SearchDocument.From(incoming, summary);
        ToJson = StorageJson.Serialize(summary.To);
        CcJson = StorageJson.Serialize(summary.Cc);
        EnvelopeToJson = StorageJson.Serialize(incoming.Envelope.Recipients);
    }

    public IncomingMessage Incoming { get; }

    public ParsedSummary Summary { get; }

    /// <summary>The Brotli-compressed raw message.</summary>
    public SpooledContent Compressed { get; }

    /// <summary>The compressed message as one array when it is at most <see cref="InlineContentLimit"/> bytes, else null.</summary>
    public byte[]? CompressedBytes { get; }

    /// <summary>What the full-text index holds for this message.</summary>
    public SearchDocument Search { get; }

    /// <summary>The summary's To addresses as the <c>ToJson</c> column holds them.</summary>
    public string ToJson { get; }

    /// <summary>The summary's Cc addresses as the <c>CcJson</c> column holds them.</summary>
    public string CcJson { get; }

    /// <summary>The RCPT TO addresses as the <c>EnvelopeToJson</c> column holds them.</summary>
    public string EnvelopeToJson { get; }

    public long Size => Incoming.Content.Length;

    /// <param name="keepHeaders">Header fields the inbox routing rules read.</param>
    public static PreparedMessage Prepare(IncomingMessage incoming, IReadOnlyCollection<string>? keepHeaders = null)
    {
        ArgumentNullException.ThrowIfNull(incoming);
        ParsedSummary summary;
        using (var raw = incoming.Content.OpenRead())
        {
            summary = SummaryParser.Parse(raw, persistent: incoming.Content.IsOnDisk, keepHeaders);
        }
        // A large message has mostly been compressed while it arrived (StreamingCompressor).
        if (incoming.Content.Follower is StreamingCompressor follower && follower.Finish(incoming.Content.Length) is { } compressed)
        {
            return new PreparedMessage(incoming, summary, compressed);
        }
        using var again = incoming.Content.OpenRead();
        return new PreparedMessage(incoming, summary, ContentCodec.Compress(again));
    }

    public void Dispose() => Compressed.Dispose();
}
