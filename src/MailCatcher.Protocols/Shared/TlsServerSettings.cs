using System.Security.Cryptography.X509Certificates;

namespace MailCatcher.Protocols.Shared;

/// <summary>
/// The server side of TLS shared by SMTP, POP3 and IMAP: one certificate (<c>--tls-cert</c> or
/// <c>--tls-self-signed</c>) and one handshake timeout. No certificate means STARTTLS, STLS and
/// the implicit-TLS ports are not offered.
/// </summary>
public sealed class TlsServerSettings
{
    public static TlsServerSettings None { get; } = new();

    /// <summary>The server certificate; null when TLS is not offered.</summary>
    public X509Certificate2? Certificate { get; init; }

    /// <summary>How long a client may take over the TLS handshake.</summary>
    public TimeSpan HandshakeTimeout { get; init; } = TimeSpan.FromSeconds(10);

    public bool IsAvailable => Certificate is not null;
}
