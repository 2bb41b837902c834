using MailCatcher.Core.Content;
using MailCatcher.Core.Messages;
using MailCatcher.Storage.Search;

namespace MailCatcher.Storage.Ingest;

/// <summary>
/// A received message made ready for the writer: parsed and compressed on the receiving
/// session's thread, so the single writer only copies bytes into the database.
/// </summary>
public sealed class PreparedMessage(IncomingMessage incoming, ParsedSummary summary, SpooledContent compressed) : IDisposable
{
    public IncomingMessage Incoming { get; } = incoming;

    public ParsedSummary Summary { get; } = summary;

    public SpooledContent Compressed { get; } = compressed;

    /// <summary>What the full-text index holds for this message.</summary>
    public SearchDocument Search { get; } = SearchDocument.From(incoming, summary);

    public long Size => Incoming.Content.Length;

    public static PreparedMessage Prepare(IncomingMessage incoming)
    {
        ArgumentNullException.ThrowIfNull(incoming);
        ParsedSummary summary;
        using (var raw = incoming.Content.OpenRead())
        {
            summary = SummaryParser.Parse(raw, persistent: incoming.Content.IsOnDisk);
        }
        using var again = incoming.Content.OpenRead();
        return new PreparedMessage(incoming, summary, ContentCodec.Compress(again));
    }

    public void Dispose() => Compressed.Dispose();
}
