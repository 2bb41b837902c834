namespace MailCatcher.Core.Outbox;

/// <summary>A message on its way to the real relay (design.md, "Outbox entry"). Field names are the API contract.</summary>
public sealed record OutboxEntry
{
    public required long Id { get; init; }

    /// <summary>The captured message this entry sends; it may since have been deleted from the inbox (the outbox keeps its own copy).</summary>
    public required long MessageId { get; init; }

    /// <summary>The envelope sender used towards the relay (the original one, or <c>Relay:From</c>); empty for the null reverse-path.</summary>
    public required string From { get; init; }

    public required IReadOnlyList<string> To { get; init; }

    public required OutboxState State { get; init; }

    public required DateTime CreatedAt { get; init; }

    /// <summary>When a deferred entry is tried again; null in every other state.</summary>
    public DateTime? NextAttemptAt { get; init; }

    /// <summary>The bounce (RFC 3464 report) stored in the inbox when the entry failed, if one was sent.</summary>
    public long? BounceMessageId { get; init; }

    /// <summary>Oldest first. Lists leave each attempt's transcript out; the single-entry view has them.</summary>
    public required IReadOnlyList<OutboxAttempt> Attempts { get; init; }
}
