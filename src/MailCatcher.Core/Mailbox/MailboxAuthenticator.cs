using MailCatcher.Core.Inboxes;
using MailCatcher.Core.Options;
using MailCatcher.Core.Users;

namespace MailCatcher.Core.Mailbox;

/// <summary>
/// Checks POP3/IMAP credentials against the same <see cref="UserList"/> SMTP AUTH uses. With no
/// users every name and password is accepted (the capture tool's normal mode); with some, the
/// name and password must match an entry. A login named like an isolated inbox (issue 13) sees
/// that inbox only, and when the inbox has a password it must be that password, as for SMTP AUTH.
/// </summary>
public sealed class MailboxAuthenticator(UserList users, MailboxOptions options, IInboxCredentials? inboxes = null)
{
    private readonly IInboxCredentials _inboxes = inboxes ?? NoInboxCredentials.Instance;

    public bool RequiresCredentials => users.ChecksCredentials;

    /// <summary>RFC 2595 §3.2: no login before TLS (<c>--mailbox-require-tls</c>).</summary>
    public bool RequiresTls => options.RequireTls;

    /// <summary>Plain user name and password (POP3 USER/PASS, IMAP LOGIN, SASL PLAIN).</summary>
    public bool Check(string user, string password) => _inboxes.Check(user, password) switch
    {
        InboxCredentialCheck.Accepted => true,
        InboxCredentialCheck.Rejected => false,
        _ => users.CheckPassword(user, password),
    };

    /// <summary>RFC 1939 §7 APOP: the digest is MD5(timestamp + password), in lower-case hex. An inbox keeps only a hash of its password, so APOP cannot log in to it.</summary>
    public bool CheckApop(string user, string timestamp, string digest) => !_inboxes.IsInboxUser(user) && users.CheckApop(user, timestamp, digest);

    /// <summary>The part of the mailbox <paramref name="user"/> sees: the inbox of that name, else (with <c>--mailbox-per-user</c>) the user's own mail, else everything.</summary>
    public MailboxScope ScopeFor(string user)
    {
        if (_inboxes.IsInbox(user))
        {
            return new MailboxScope(null, Inboxes.InboxNames.Normalize(user));
        }
        return options.PerUser ? new MailboxScope(user) : MailboxScope.Everything;
    }
}
