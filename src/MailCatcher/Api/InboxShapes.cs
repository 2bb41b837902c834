namespace MailCatcher.Api;

/// <summary>An inbox as <c>GET /api/v1/inboxes</c> lists it (issue 13).</summary>
public sealed record InboxSummary(
    string Name,
    int Messages,
    int Unread,
    DateTime CreatedAt,
    DateTime? ExpiresAt,
    int MaxMessages,
    bool RequiresToken);

/// <summary>The list of inboxes, <c>default</c> first.</summary>
public sealed record InboxList(IReadOnlyList<InboxSummary> Inboxes);

/// <summary>The body of <c>POST /api/v1/inboxes</c>; every field is optional.</summary>
/// <param name="Name">The inbox's name; a random one when absent.</param>
/// <param name="TtlSeconds">Delete the inbox and its mail this many seconds from now.</param>
/// <param name="MaxMessages">Keep only the newest N messages of this inbox (0: only the global limit).</param>
public sealed record CreateInboxRequest(string? Name = null, double? TtlSeconds = null, int? MaxMessages = null);

/// <summary>
/// A new inbox and its secrets, shown this once: configure the app's SMTP with
/// <see cref="SmtpUser"/> and <see cref="SmtpPassword"/>, and call the inbox's API with
/// <c>Authorization: Bearer</c> <see cref="ApiToken"/>.
/// </summary>
public sealed record CreatedInboxResponse(
    string Name,
    string SmtpUser,
    string SmtpPassword,
    string ApiToken,
    DateTime CreatedAt,
    DateTime? ExpiresAt,
    int MaxMessages);
