using MailCatcher.Core.Outbox;

namespace MailCatcher.Storage.Outbox;

/// <summary>The outcome of asking for an entry to be tried again: the entry, or why not.</summary>
/// <param name="Entry">The entry as it is now; null when there is no such entry.</param>
/// <param name="Requeued">False when the entry's state does not allow a retry (it is being sent, or was sent).</param>
public sealed record OutboxRetryResult(OutboxEntry? Entry, bool Requeued);
