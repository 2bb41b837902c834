using System.Text.Json.Serialization;

namespace MailCatcher.Core.Messages;

/// <summary>The list view of a message (design.md, "Message summary"). Field names are the API contract.</summary>
public sealed record MessageSummary
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

    /// <summary>The name of the inbox the message is in (issue 13).</summary>
    public string Inbox { get; init; } = Inboxes.InboxNames.Default;

    /// <summary>The inbox's id in the store, for filtering events by inbox; not part of the API.</summary>
    [JsonIgnore]
    public long InboxId { get; init; } = 1;
}
