namespace MailCatcher.Protocols.Smtp.Faults;

/// <summary>Where in an SMTP session a fault rule may fire.</summary>
public enum FaultStage
{
    /// <summary>Instead of (or before) the greeting.</summary>
    Connect,

    /// <summary>EHLO or HELO.</summary>
    Ehlo,

    /// <summary>MAIL FROM; the address is the sender.</summary>
    Mail,

    /// <summary>RCPT TO; the address is the recipient.</summary>
    Rcpt,

    /// <summary>The end of message content (DATA's final dot, or BDAT LAST); the address is the sender or any recipient.</summary>
    Data,

    /// <summary>AUTH, once the credentials are in; the address is the user name.</summary>
    Auth,
}
