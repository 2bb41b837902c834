using MailCatcher.Core.Options;
using MailCatcher.Core.Users;

namespace MailCatcher.Core.Mailbox;

/// <summary>
/// Checks POP3/IMAP credentials against the same <see cref="UserList"/> SMTP AUTH uses. With no
/// users every name and password is accepted (the capture tool's normal mode); with some, the
/// name and password must match an entry.
/// </summary>
public sealed class MailboxAuthenticator(UserList users, MailboxOptions options)
{
    public bool RequiresCredentials => users.ChecksCredentials;

    /// <summary>RFC 2595 §3.2: no login before TLS (<c>--mailbox-require-tls</c>).</summary>
    public bool RequiresTls => options.RequireTls;

    /// <summary>Plain user name and password (POP3 USER/PASS, IMAP LOGIN, SASL PLAIN).</summary>
    public bool Check(string user, string password) => users.CheckPassword(user, password);

    /// <summary>RFC 1939 §7 APOP: the digest is MD5(timestamp + password), in lower-case hex.</summary>
    public bool CheckApop(string user, string timestamp, string digest) => users.CheckApop(user, timestamp, digest);

    /// <summary>The part of the mailbox <paramref name="user"/> sees.</summary>
    public MailboxScope ScopeFor(string user) => options.PerUser ? new MailboxScope(user) : MailboxScope.Everything;
}
