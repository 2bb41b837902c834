namespace MailCatcher.Protocols.Smtp;

/// <summary>Where an SMTP session is in the RFC 5321 §4.1.4 command sequence.</summary>
[Flags]
public enum SmtpState
{
    None = 0,

    /// <summary>Connected and greeted; no HELO/EHLO yet.</summary>
    Connected = 1,

    /// <summary>HELO/EHLO accepted; no mail transaction open.</summary>
    Ready = 2,

    /// <summary>MAIL accepted; no recipient yet.</summary>
    HaveSender = 4,

    /// <summary>At least one RCPT accepted.</summary>
    HaveRecipients = 8,

    /// <summary>At least one BDAT chunk received, LAST not yet (RFC 3030 §2).</summary>
    InBdat = 16,

    Any = Connected | Ready | HaveSender | HaveRecipients | InBdat,
}
