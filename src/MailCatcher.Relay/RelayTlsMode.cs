namespace MailCatcher.Relay;

/// <summary>How the connection to the relay is secured (<c>--relay-tls</c>).</summary>
public enum RelayTlsMode
{
    /// <summary>STARTTLS when the relay offers it, plain otherwise.</summary>
    Auto,

    /// <summary>Plain text, never STARTTLS.</summary>
    None,

    /// <summary>STARTTLS, and fail when the relay does not offer it (RFC 3207).</summary>
    StartTls,

    /// <summary>TLS from the first byte (RFC 8314 §3.3, "submissions" on port 465).</summary>
    Implicit,
}
