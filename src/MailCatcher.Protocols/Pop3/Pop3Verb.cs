namespace MailCatcher.Protocols.Pop3;

/// <summary>The POP3 commands of RFC 1939 and RFC 2449 (CAPA), RFC 2595 (STLS).</summary>
public enum Pop3Verb
{
    Unknown,
    User,
    Pass,
    Apop,
    Quit,
    Stat,
    List,
    Retr,
    Dele,
    Noop,
    Rset,
    Top,
    Uidl,
    Capa,
    Stls,
}
