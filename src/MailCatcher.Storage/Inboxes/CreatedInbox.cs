namespace MailCatcher.Storage.Inboxes;

/// <summary>A new inbox with the secrets that are shown once and never stored in the clear.</summary>
public sealed record CreatedInbox(InboxInfo Inbox, string? SmtpPassword, string? ApiToken);
