namespace MailCatcher.Storage.Entities;

/// <summary>The outbox's own copy of a message's exact bytes, compressed like <see cref="StoredMessageContent"/>.</summary>
public sealed class StoredOutboxContent
{
    public long EntryId { get; set; }
    public ContentCompression Compression { get; set; }
    public byte[] Data { get; set; } = [];
}
