namespace MailCatcher.Core.Options;

/// <summary>
/// Who may read mail over POP3 and IMAP, and what each user sees. Bound from the <c>Mailbox</c>
/// section; <see cref="Users"/> is read from <c>Smtp:Users</c> so that POP3, IMAP and SMTP share one user list.
/// </summary>
public sealed class MailboxOptions
{
    public const string Section = "Mailbox";

    /// <summary>The configuration key of the shared user list: strings <c>name:password</c>.</summary>
    public const string UsersKey = "Smtp:Users";

    /// <summary><c>name:password</c> entries. Empty: any user name and password are accepted.</summary>
    public IList<string> Users { get; } = [];

    /// <summary>When true a user sees only the messages whose recipients include that user.</summary>
    public bool PerUser { get; set; }
}
