namespace MailCatcher.Core.Mailbox;

/// <summary>One message as a mailbox protocol lists it: enough for POP3 LIST/UIDL and IMAP SEARCH without loading the body.</summary>
/// <param name="Id">The message id: IMAP UID and POP3 unique-id.</param>
/// <param name="Size">Octets of the raw message.</param>
/// <param name="ReceivedAt">UTC time of capture: IMAP INTERNALDATE.</param>
/// <param name="IsRead">The web inbox's read state: IMAP <c>\Seen</c>.</param>
/// <param name="Date">The Date header, when it parsed.</param>
/// <param name="From">The From header as display text (name and address).</param>
/// <param name="Recipients">To, Cc and envelope recipients, as display text.</param>
/// <param name="Subject">The decoded subject.</param>
public sealed record MailboxEntry(
    long Id,
    long Size,
    DateTime ReceivedAt,
    bool IsRead,
    DateTime? Date,
    string From,
    IReadOnlyList<string> Recipients,
    string Subject);
