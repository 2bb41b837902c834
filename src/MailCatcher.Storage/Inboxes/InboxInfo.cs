namespace MailCatcher.Storage.Inboxes;

/// <summary>An inbox as the directory keeps it in memory: everything but its messages.</summary>
public sealed record InboxInfo(
    long Id,
    string Name,
    DateTime CreatedAt,
    DateTime? ExpiresAt,
    int MaxMessages,
    string? SmtpPasswordHash,
    string? ApiTokenHash)
{
    /// <summary>True when the inbox's API needs its token (<c>Authorization: Bearer</c>).</summary>
    public bool RequiresToken => ApiTokenHash is not null;
}
