namespace MailCatcher.Client.Models;

/// <summary>A captured message as listed: envelope, main headers, size, read state, tags.</summary>
public sealed record MessageSummary
{
    /// <summary>The message id: ascending, never reused.</summary>
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

    /// <summary>The first words of the body.</summary>
    public string Snippet { get; init; } = "";

    /// <summary>How many non-inline attachments it has.</summary>
    public int AttachmentCount { get; init; }

    /// <summary>Whether it was marked read.</summary>
    public bool IsRead { get; init; }

    /// <summary>Its tags.</summary>
    public IReadOnlyList<string> Tags { get; init; } = [];

    /// <summary>The isolated inbox the message is in (<c>default</c> unless routed elsewhere).</summary>
    public string Inbox { get; init; } = "default";
}
