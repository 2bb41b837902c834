using System.Net.Security;
using System.Security.Authentication;

namespace MailCatcher.Protocols.Shared;

/// <summary>How a session records its TLS: protocol and cipher, e.g. <c>TLSv1.3 TLS_AES_256_GCM_SHA384</c>.</summary>
public static class TlsDescription
{
    public static string Of(SslProtocols protocol, TlsCipherSuite cipher) => $"{ProtocolName(protocol)} {cipher}";

    private static string ProtocolName(SslProtocols protocol) => protocol switch
    {
        SslProtocols.Tls13 => "TLSv1.3",
        SslProtocols.Tls12 => "TLSv1.2",
#pragma warning disable CA5397, SYSLIB0039 // Named, not enabled: an old protocol is reported as what it is.
        SslProtocols.Tls11 => "TLSv1.1",
        SslProtocols.Tls => "TLSv1",
#pragma warning restore CA5397, SYSLIB0039
        _ => protocol.ToString(),
    };
}
