using MailCatcher.Core.Messages;

namespace MailCatcher.Mail;

/// <summary>A window of the inbox: how many messages match, how many are unread in the whole store, and the rows.</summary>
public sealed record InboxPage(int Total, int Unread, IReadOnlyList<MessageSummary> Messages);
