namespace MailCatcher.Storage.Entities;

/// <summary>
/// A captured message's summary row: envelope, session facts and the header fields parsed once
/// at ingest. The raw bytes live in <see cref="StoredMessageContent"/> so that listing never loads them.
/// Address lists are JSON text.
/// </summary>
public sealed class StoredMessage
{
    public long Id { get; set; }
    public DateTime ReceivedAt { get; set; }
    public long SessionId { get; set; }

    /// <summary>The inbox the message is in (issue 13); <see cref="StoredInbox.DefaultId"/> unless routed elsewhere.</summary>
    public long InboxId { get; set; } = StoredInbox.DefaultId;
    public string? FromName { get; set; }
    public string? FromAddress { get; set; }
    public string ToJson { get; set; } = "[]";
    public string CcJson { get; set; } = "[]";
    public string EnvelopeFrom { get; set; } = "";
    public string EnvelopeToJson { get; set; } = "[]";
    public string Subject { get; set; } = "";
    public DateTime? Date { get; set; }
    public string? MessageIdHeader { get; set; }
    public string Snippet { get; set; } = "";
    public int AttachmentCount { get; set; }
    public long Size { get; set; }
    public bool IsRead { get; set; }
    public string TagsJson { get; set; } = "[]";
    public string? AuthenticatedUser { get; set; }
    public string? Tls { get; set; }
    public string ClientAddress { get; set; } = "";
    public string? HeloName { get; set; }

    /// <summary>Why MimeKit could not parse the message, when it could not; the raw bytes are stored regardless.</summary>
    public string? ParseError { get; set; }
}
