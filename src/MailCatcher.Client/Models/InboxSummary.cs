namespace MailCatcher.Client.Models;

/// <summary>An inbox with its counts, as <c>GET /api/v1/inboxes</c> lists it.</summary>
public sealed record InboxSummary(
    string Name,
    int Messages,
    int Unread,
    DateTime CreatedAt,
    DateTime? ExpiresAt,
    int MaxMessages,
    bool RequiresToken);
