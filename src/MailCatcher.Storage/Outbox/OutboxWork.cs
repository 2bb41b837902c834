namespace MailCatcher.Storage.Outbox;

/// <summary>What a sender needs to know about a claimed entry besides its bytes.</summary>
/// <param name="AttemptCount">Attempts made since the entry was (re)queued.</param>
public sealed record OutboxWork(long Id, long MessageId, string From, IReadOnlyList<string> To, DateTime QueuedAt, int AttemptCount);
