using MailCatcher.Protocols.Shared;

namespace MailCatcher.Protocols.Smtp;

/// <summary>The open SMTP connections across every SMTP endpoint (plain and implicit TLS).</summary>
public sealed class SmtpConnectionCounter
{
    public ConnectionCounter Connections { get; } = new();
}
