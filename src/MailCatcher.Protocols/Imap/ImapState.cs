namespace MailCatcher.Protocols.Imap;

/// <summary>RFC 3501 §3 connection states, as flags so that the state table can name several.</summary>
[Flags]
public enum ImapState
{
    None = 0,
    NotAuthenticated = 1,
    Authenticated = 2,
    Selected = 4,
    Any = NotAuthenticated | Authenticated | Selected,
    LoggedIn = Authenticated | Selected,
}
