namespace MailCatcher.Client.Models;

/// <summary>A message in full: its summary fields plus headers, bodies, attachments and session facts.</summary>
public sealed record MessageDetail
{
    /// <summary>The message id.</summary>
    public long Id { get; init; }

    /// <summary>When MailCatcher stored it (UTC).</summary>
    public DateTime ReceivedAt { get; init; }

    /// <summary>The SMTP session that delivered it.</summary>
    public long SessionId { get; init; }

    /// <summary>The From header's first mailbox.</summary>
    public EmailAddress? From { get; init; }

    /// <summary>The To header's mailboxes.</summary>
    public IReadOnlyList<EmailAddress> To { get; init; } = [];

    /// <summary>The Cc header's mailboxes.</summary>
    public IReadOnlyList<EmailAddress> Cc { get; init; } = [];

    /// <summary>The SMTP MAIL FROM address.</summary>
    public string EnvelopeFrom { get; init; } = "";

    /// <summary>The SMTP RCPT TO addresses.</summary>
    public IReadOnlyList<string> EnvelopeTo { get; init; } = [];

    /// <summary>The decoded subject.</summary>
    public string Subject { get; init; } = "";

    /// <summary>Size of the raw message in bytes.</summary>
    public long Size { get; init; }

    /// <summary>Whether it was marked read.</summary>
    public bool IsRead { get; init; }

    /// <summary>Its tags.</summary>
    public IReadOnlyList<string> Tags { get; init; } = [];

    /// <summary>The Message-ID header.</summary>
    public string? MessageId { get; init; }

    /// <summary>The Date header (UTC).</summary>
    public DateTime? Date { get; init; }

    /// <summary>Every header field in order, decoded.</summary>
    public IReadOnlyList<HeaderField> Headers { get; init; } = [];

    /// <summary>The text body.</summary>
    public string? Text { get; init; }

    /// <summary>The HTML body as sent.</summary>
    public string? Html { get; init; }

    /// <summary>Every part that is not the text or HTML body.</summary>
    public IReadOnlyList<Attachment> Attachments { get; init; } = [];

    /// <summary>The SMTP AUTH user, when the client authenticated.</summary>
    public string? AuthenticatedUser { get; init; }

    /// <summary>The TLS protocol and cipher, when encrypted.</summary>
    public string? Tls { get; init; }

    /// <summary>The SMTP client's address.</summary>
    public string ClientAddress { get; init; } = "";

    /// <summary>The HELO/EHLO name.</summary>
    public string? HeloName { get; init; }
}
