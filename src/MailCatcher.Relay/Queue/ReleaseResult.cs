using MailCatcher.Core.Outbox;

namespace MailCatcher.Relay.Queue;

/// <summary>Why a release was or was not queued.</summary>
public enum ReleaseStatus
{
    Queued,
    MessageNotFound,
    RelayNotConfigured,
    InvalidRecipients,
    NotAllowed,
}

/// <summary>The outcome of a release: the new entry, or a status and a sentence saying what is wrong.</summary>
public sealed record ReleaseResult(ReleaseStatus Status, OutboxEntry? Entry, string? Problem);
