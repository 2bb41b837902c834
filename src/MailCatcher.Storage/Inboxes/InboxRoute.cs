namespace MailCatcher.Storage.Inboxes;

/// <summary>One inbox a message is stored in, and the rule that chose it (for the transcript).</summary>
public sealed record InboxRoute(InboxInfo Inbox, string Reason);
