namespace MailCatcher.Protocols.Smtp;

/// <summary>The SMTP commands MailCatcher knows (RFC 5321 §4.1.1 plus extensions).</summary>
public enum SmtpVerb
{
    Unknown,
    Helo,
    Ehlo,
    Mail,
    Rcpt,
    Data,
    Bdat,
    Rset,
    Noop,
    Quit,
    Vrfy,
    Expn,
    Help,
    StartTls,
    Auth,
}
