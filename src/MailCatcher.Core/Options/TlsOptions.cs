namespace MailCatcher.Core.Options;

/// <summary>The server certificate for STARTTLS and implicit TLS, bound from the <c>Tls</c> section.</summary>
public sealed class TlsOptions
{
    public const string Section = "Tls";

    /// <summary>PEM certificate file (the chain may follow the leaf).</summary>
    public string? Certificate { get; set; }

    /// <summary>PEM private key file; empty when the key is in the certificate file.</summary>
    public string? Key { get; set; }

    /// <summary>Generate a self-signed certificate once and keep it in the data folder.</summary>
    public bool SelfSigned { get; set; }
}
