using System.IO.Pipelines;
using System.Net.Security;
using System.Security.Authentication;
using Microsoft.AspNetCore.Connections.Features;
using Microsoft.AspNetCore.Http.Features;

namespace MailCatcher.Protocols.Shared;

/// <summary>
/// Upgrades a plain Kestrel connection in place (SMTP STARTTLS, RFC 3207; POP3 STLS and IMAP
/// STARTTLS, RFC 2595): <see cref="SslStream"/> over the transport (<see cref="DuplexPipeStream"/>),
/// and new pipes over the stream for the session to read and write from then on.
/// </summary>
public static class TlsUpgrade
{
    /// <summary>
    /// Runs the server side of the handshake. On failure returns null and says why in
    /// <paramref name="error"/> (also when the client closes or says nothing within the timeout);
    /// the transport is left to Kestrel either way.
    /// </summary>
    public static async Task<(TlsConnection? Connection, string? Error)> HandshakeAsync(IDuplexPipe transport, TlsServerSettings settings, CancellationToken stopping)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var ssl = new SslStream(new DuplexPipeStream(transport), leaveInnerStreamOpen: false);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        timeout.CancelAfter(settings.HandshakeTimeout);
        try
        {
            var options = new SslServerAuthenticationOptions { ServerCertificate = settings.Certificate, ClientCertificateRequired = false };
            await ssl.AuthenticateAsServerAsync(options, timeout.Token);
        }
        catch (Exception e) when (e is AuthenticationException or IOException or OperationCanceledException)
        {
            await ssl.DisposeAsync();
            // The token also fires when the client closes the connection: that is a failed handshake too.
            var error = e switch
            {
                OperationCanceledException when stopping.IsCancellationRequested => "TLS handshake failed: the connection closed during the handshake",
                OperationCanceledException => $"TLS handshake failed: no handshake within {settings.HandshakeTimeout.TotalSeconds:N0} seconds",
                _ => $"TLS handshake failed: {e.Message}",
            };
            return (null, error);
        }
        return (new TlsConnection(ssl), null);
    }

    /// <summary>
    /// RFC 8314 implicit TLS: on those endpoints Kestrel has run the handshake before the
    /// session starts. The protocol and cipher, or null on a plain connection.
    /// </summary>
    public static string? DescribeImplicit(IFeatureCollection features)
    {
        ArgumentNullException.ThrowIfNull(features);
        return features.Get<ITlsHandshakeFeature>() is { } handshake
            ? TlsDescription.Of(handshake.Protocol, handshake.NegotiatedCipherSuite ?? default)
            : null;
    }
}
