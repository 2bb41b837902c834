namespace MailCatcher.Core.Outbox;

/// <summary>Where an outbox entry is on its way to the relay (design.md, "Outbox entry").</summary>
public enum OutboxState
{
    /// <summary>Waiting for a free sender.</summary>
    Queued,

    /// <summary>A sender is talking to the relay now.</summary>
    Sending,

    /// <summary>The relay accepted the message (250 after DATA).</summary>
    Sent,

    /// <summary>A temporary failure (4xx or no connection); tried again at <see cref="OutboxEntry.NextAttemptAt"/>.</summary>
    Deferred,

    /// <summary>A permanent failure (5xx) or the retry period ran out; a bounce went to the sender.</summary>
    Failed,
}
