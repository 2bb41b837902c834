namespace MailCatcher.Protocols.Pop3;

/// <summary>RFC 1939 §3 session states, as flags so that the state table can name several.</summary>
[Flags]
public enum Pop3State
{
    None = 0,

    /// <summary>After the greeting, before USER.</summary>
    Authorization = 1,

    /// <summary>USER was accepted; PASS must follow.</summary>
    HaveUser = 2,

    /// <summary>Logged in: the maildrop is open.</summary>
    Transaction = 4,

    Any = Authorization | HaveUser | Transaction,
}
