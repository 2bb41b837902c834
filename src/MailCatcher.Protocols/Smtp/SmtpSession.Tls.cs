using MailCatcher.Protocols.Shared;

namespace MailCatcher.Protocols.Smtp;

/// <summary>STARTTLS (RFC 3207): the connection is upgraded in place (<see cref="TlsUpgrade"/>).</summary>
public sealed partial class SmtpSession
{
    private TlsConnection? _tlsConnection;

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
        if (!_policy.Tls.IsAvailable)
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
        var (connection, error) = await TlsUpgrade.HandshakeAsync(_transport, _policy.Tls, stopping);
        if (connection is null)
        {
            Error = error;
            Transcript.Info(error!);
            return false;
        }

        _tlsConnection = connection;
        _input = connection.Input;
        _output = connection.Output;
        Tls = connection.Description;
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
        _tlsConnection?.Dispose();
        _tlsConnection = null;
    }
}
