using MailCatcher.Core.Outbox;

namespace MailCatcher.Storage.Outbox;

/// <summary>A page of the outbox, newest first (the shape of <c>GET /api/v1/outbox</c>).</summary>
public sealed record OutboxPage(int Total, int Offset, IReadOnlyList<OutboxEntry> Entries);
