namespace MailCatcher.Core.Options;

/// <summary>How the SMTP server treats AUTH (RFC 4954).</summary>
public enum SmtpAuthMode
{
    /// <summary>AUTH is advertised and every credential is accepted (unless a user list is set); MAIL needs no AUTH.</summary>
    Any,

    /// <summary>MAIL without a successful AUTH gets 530 5.7.0.</summary>
    Required,

    /// <summary>AUTH is not advertised and the command is refused.</summary>
    Off,
}
