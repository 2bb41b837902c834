using MailCatcher.Core.Outbox;

namespace MailCatcher.Core.Events;

/// <summary>An outbox entry was created or changed state (hub event <c>outboxChanged(entry)</c>).</summary>
public sealed record OutboxChanged(OutboxEntry Entry) : MailEvent;

/// <summary>An outbox entry was deleted by a user.</summary>
public sealed record OutboxEntryDeleted(long Id) : MailEvent;
