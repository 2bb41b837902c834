namespace MailCatcher.Core.Options;

/// <summary>
/// What each POP3/IMAP user sees and whether they must use TLS, bound from the <c>Mailbox</c>
/// section. Who may log in is the SMTP user list (<c>Smtp:Users</c>, <c>--smtp-users-file</c>):
/// POP3, IMAP and SMTP AUTH share one.
/// </summary>
public sealed class MailboxOptions
{
    public const string Section = "Mailbox";

    /// <summary>When true a user sees only the messages whose recipients include that user.</summary>
    public bool PerUser { get; set; }

    /// <summary>
    /// POP3 and IMAP refuse to log in before TLS (RFC 2595 §3.2): IMAP advertises LOGINDISABLED
    /// until STARTTLS. Needs a certificate.
    /// </summary>
    public bool RequireTls { get; set; }
}
