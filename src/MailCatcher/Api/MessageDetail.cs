using MailCatcher.Core.Messages;
using MailCatcher.Core.Mime;

namespace MailCatcher.Api;

/// <summary>A message in full (design.md, "Message detail"). Field names are the API contract.</summary>
public sealed record MessageDetail
{
    public required long Id { get; init; }
    public required DateTime ReceivedAt { get; init; }
    public required long SessionId { get; init; }
    public EmailAddress? From { get; init; }
    public required IReadOnlyList<EmailAddress> To { get; init; }
    public required IReadOnlyList<EmailAddress> Cc { get; init; }
    public required string EnvelopeFrom { get; init; }
    public required IReadOnlyList<string> EnvelopeTo { get; init; }
    public required string Subject { get; init; }
    public required long Size { get; init; }
    public required string Snippet { get; init; }
    public required int AttachmentCount { get; init; }
    public required bool IsRead { get; init; }
    public required IReadOnlyList<string> Tags { get; init; }

    /// <summary>The inbox the message is in (issue 13).</summary>
    public string Inbox { get; init; } = Core.Inboxes.InboxNames.Default;
    public string? MessageId { get; init; }
    public DateTime? Date { get; init; }
    public required IReadOnlyList<HeaderField> Headers { get; init; }
    public string? Text { get; init; }
    public string? Html { get; init; }
    public required IReadOnlyList<MessagePartInfo> Attachments { get; init; }
    public string? AuthenticatedUser { get; init; }
    public string? Tls { get; init; }
    public required string ClientAddress { get; init; }
    public string? HeloName { get; init; }

    /// <summary>Why the message could not be parsed as MIME, when it could not; its raw bytes are still available.</summary>
    public string? ParseError { get; init; }
}
