namespace MailCatcher.Storage.Entities;

/// <summary>A session's transcript lines as Brotli-compressed JSON, written once when the session ends.</summary>
public sealed class StoredSessionTranscript
{
    public long SessionId { get; set; }

    public byte[] Data { get; set; } = [];
}
