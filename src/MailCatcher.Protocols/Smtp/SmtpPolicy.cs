using MailCatcher.Core.Options;
using MailCatcher.Core.Users;
using MailCatcher.Protocols.Shared;
using MailCatcher.Protocols.Smtp.Faults;

namespace MailCatcher.Protocols.Smtp;

/// <summary>
/// What a session enforces beyond plain RFC 5321: TLS, AUTH, known recipients and injected
/// faults. The default is permissive: no certificate, AUTH accepting anything, every recipient.
/// </summary>
public sealed class SmtpPolicy
{
    /// <summary>The certificate for STARTTLS (RFC 3207), shared with POP3 and IMAP; without one TLS is not offered.</summary>
    public TlsServerSettings Tls { get; init; } = TlsServerSettings.None;

    /// <summary>MAIL and AUTH before TLS get 530 5.7.0 (RFC 3207 §4).</summary>
    public bool RequireTls { get; init; }

    public SmtpAuthMode AuthMode { get; init; } = SmtpAuthMode.Any;

    /// <summary>AUTH before TLS gets 538 5.7.11 (RFC 4954 §6).</summary>
    public bool AuthRequiresTls { get; init; }

    public UserList Users { get; init; } = UserList.AcceptAll;

    public RecipientRules Recipients { get; init; } = RecipientRules.AcceptAll;

    public FaultInjector Faults { get; init; } = new();
}
