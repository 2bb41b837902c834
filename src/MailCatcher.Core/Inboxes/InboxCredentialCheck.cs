namespace MailCatcher.Core.Inboxes;

/// <summary>What an inbox's credentials say about a user name and password.</summary>
public enum InboxCredentialCheck
{
    /// <summary>The user name names no inbox with credentials: the ordinary user rules decide.</summary>
    NotAnInbox,

    /// <summary>The user names an inbox and the password is that inbox's.</summary>
    Accepted,

    /// <summary>The user names an inbox and the password is wrong: refuse, whatever the AUTH mode.</summary>
    Rejected,
}
