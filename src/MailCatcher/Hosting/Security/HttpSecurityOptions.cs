namespace MailCatcher.Hosting.Security;

/// <summary>
/// Who may reach the web UI and API over HTTP, bound from the <c>Http</c> section (the same
/// section as <see cref="HttpOptions"/>; README: "Sharing one MailCatcher").
/// </summary>
public sealed class HttpSecurityOptions
{
    /// <summary>
    /// Host names requests may carry besides localhost, 127.0.0.1, [::1] and the bound address
    /// (<c>--http-allowed-hosts</c>); <c>*</c> turns the check off, <c>*.example.com</c> allows subdomains.
    /// </summary>
    public List<string> AllowedHosts { get; set; } = [];

    /// <summary>Origins granted CORS (<c>--http-cors-origin</c>), e.g. <c>https://app.example.com</c>.</summary>
    public List<string> CorsOrigins { get; set; } = [];

    /// <summary>Serve HTTP over TLS with the mail protocols' certificate (<c>--http-tls</c>).</summary>
    public bool Tls { get; set; }

    /// <summary>The path everything is served under behind a reverse proxy (<c>--base-path /mail</c>).</summary>
    public string? BasePath { get; set; }

    /// <summary>Addresses whose <c>X-Forwarded-*</c> headers are believed (<c>--trusted-proxy</c>).</summary>
    public List<string> TrustedProxies { get; set; } = [];
}
