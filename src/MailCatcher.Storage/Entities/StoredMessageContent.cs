namespace MailCatcher.Storage.Entities;

/// <summary>The raw bytes of a message, exactly as received, compressed.</summary>
public sealed class StoredMessageContent
{
    /// <summary>Same as the message's id; the SQLite rowid, so the blob can be streamed.</summary>
    public long MessageId { get; set; }

    public ContentCompression Compression { get; set; }

    public byte[] Data { get; set; } = [];
}
