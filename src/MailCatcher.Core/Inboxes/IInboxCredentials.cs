namespace MailCatcher.Core.Inboxes;

/// <summary>
/// The credentials of isolated inboxes, for SMTP AUTH, POP3 and IMAP: a user name that names an
/// inbox with an SMTP password is checked against it. An inbox credential is a real credential,
/// so a wrong password is refused even when AUTH otherwise accepts anything.
/// </summary>
public interface IInboxCredentials
{
    /// <summary>Plain user name and password (SMTP PLAIN and LOGIN, POP3 USER/PASS, IMAP LOGIN).</summary>
    InboxCredentialCheck Check(string user, string password);

    /// <summary>True when <paramref name="user"/> names an inbox with a password (digest mechanisms cannot be checked against its hash).</summary>
    bool IsInboxUser(string user);

    /// <summary>True when <paramref name="name"/> names an inbox, with or without credentials: a POP3/IMAP login by that name sees that inbox.</summary>
    bool IsInbox(string name);
}
