using System.IO.Pipelines;
using System.Net.Security;
using System.Security.Authentication;
using MailCatcher.Protocols.Shared;

namespace MailCatcher.Protocols.Smtp;

/// <summary>STARTTLS (RFC 3207): the connection is upgraded in place with <see cref="SslStream"/>.</summary>
public sealed partial class SmtpSession
{
    private SslStream? _ssl;

    /// <summary>RFC 3207 §4: <c>"STARTTLS" CRLF</c>; 220 and then the handshake, or 454 when TLS is not available.</summary>
    private CommandOutcome StartTls(SmtpCommand command)
    {
        if (Tls is not null)
        {
            Send(SmtpReplies.BadSequence("TLS is already active"));
            return CommandOutcome.Continue;
        }
        if (command.Arguments.Length > 0)
        {
            // RFC 3207 §4: "501 Syntax error (no parameters allowed)".
            Send(SmtpReplies.SyntaxError("STARTTLS takes no parameters"));
            return CommandOutcome.Continue;
        }
        if (_policy.Certificate is null)
        {
            Send(SmtpReplies.TlsNotAvailable);
            return CommandOutcome.Continue;
        }
        Send(SmtpReplies.ReadyToStartTls);
        return CommandOutcome.StartTls;
    }

    /// <summary>
    /// Flushes the 220, runs the handshake over the transport and swaps the session's reader and
    /// writer for the encrypted ones. RFC 3207 §4.2: the server then forgets what the client
    /// said before (EHLO, AUTH) and waits for a new EHLO.
    /// </summary>
    /// <param name="discarded">Bytes the client sent after STARTTLS in plain text, which were dropped.</param>
    /// <returns>False when the handshake failed and the session must end.</returns>
    private async Task<bool> StartTlsHandshakeAsync(long discarded, CancellationToken stopping)
    {
        await _output.FlushAsync(stopping);
        if (discarded > 0)
        {
            Transcript.Info($"{discarded:N0} bytes sent after STARTTLS, before the handshake, were discarded (RFC 3207 §5)");
        }
        var ssl = new SslStream(new DuplexPipeStream(_transport), leaveInnerStreamOpen: false);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        timeout.CancelAfter(_policy.HandshakeTimeout);
        try
        {
            var options = new SslServerAuthenticationOptions { ServerCertificate = _policy.Certificate, ClientCertificateRequired = false };
            await ssl.AuthenticateAsServerAsync(options, timeout.Token);
        }
        catch (Exception e) when (e is AuthenticationException or IOException or OperationCanceledException)
        {
            await ssl.DisposeAsync();
            // The token also fires when the client closes the connection: that is a failed handshake too.
            Error = e switch
            {
                OperationCanceledException when stopping.IsCancellationRequested => "TLS handshake failed: the connection closed during the handshake",
                OperationCanceledException => $"TLS handshake failed: no handshake within {_policy.HandshakeTimeout.TotalSeconds:N0} seconds",
                _ => $"TLS handshake failed: {e.Message}",
            };
            Transcript.Info(Error);
            return false;
        }

        _ssl = ssl;
        _input = PipeReader.Create(ssl, new StreamPipeReaderOptions(leaveOpen: true));
        _output = PipeWriter.Create(ssl, new StreamPipeWriterOptions(leaveOpen: true));
        Tls = TlsDescription.Of(ssl.SslProtocol, ssl.NegotiatedCipherSuite);
        Transcript.Info($"TLS started: {Tls}");
        ResetTransaction();
        _state = SmtpState.Connected;
        HeloName = null;
        AuthenticatedUser = null;
        return true;
    }

    /// <summary>Releases the TLS layer, if the session was upgraded.</summary>
    private void DisposeTls()
    {
        if (_ssl is null)
        {
            return;
        }
        _input.Complete();
        _output.Complete();
        _ssl.Dispose();
        _ssl = null;
    }
}
