namespace MailCatcher.Core.Messages;

/// <summary>
/// The SMTP envelope of one message (RFC 5321 §2.3.1): the reverse-path from MAIL FROM
/// (empty for the null path <c>&lt;&gt;</c> that bounces use) and every RCPT TO forward-path,
/// in the order the client gave them.
/// </summary>
public sealed record Envelope(string From, IReadOnlyList<string> Recipients);
