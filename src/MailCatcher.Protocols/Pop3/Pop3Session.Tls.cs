using MailCatcher.Protocols.Shared;

namespace MailCatcher.Protocols.Pop3;

/// <summary>STLS (RFC 2595 §4): the connection is upgraded in place (<see cref="TlsUpgrade"/>).</summary>
public sealed partial class Pop3Session
{
    private TlsConnection? _tlsConnection;
    private bool _startTls;

    /// <summary>RFC 2595 §4: STLS is offered while a certificate exists and the session is not yet encrypted.</summary>
    private bool OffersStls => _tls.IsAvailable && Tls is null;

    /// <summary>RFC 2595 §3.2: with <c>--mailbox-require-tls</c> no password may cross the wire in the clear.</summary>
    private bool LoginNeedsTls => _authenticator.RequiresTls && Tls is null;

    /// <summary>RFC 2595 §4 STLS: <c>+OK</c> and then the handshake, or <c>-ERR</c> when TLS is not available.</summary>
    private void Stls(Pop3Command command)
    {
        if (Tls is not null)
        {
            Send(Pop3Replies.TlsAlreadyActive);
            return;
        }
        if (command.Arguments.Count > 0)
        {
            Send(Pop3Replies.StlsTakesNoArguments);
            return;
        }
        if (!_tls.IsAvailable)
        {
            Send(Pop3Replies.TlsUnavailable);
            return;
        }
        Send(Pop3Replies.BeginTls);
        _startTls = true;
    }

    /// <summary>
    /// Flushes the +OK, runs the handshake and swaps the session's reader and writer for the
    /// encrypted ones. RFC 2595 §4: the client must log in again, so the session is back at the
    /// start of the AUTHORIZATION state, and CAPA no longer lists STLS.
    /// </summary>
    /// <returns>False when the handshake failed and the session must end.</returns>
    private async Task<bool> StartTlsHandshakeAsync(long discarded, CancellationToken stopping)
    {
        await _output.FlushAsync(stopping);
        if (discarded > 0)
        {
            Transcript.Info($"{discarded:N0} bytes sent after STLS, before the handshake, were discarded (RFC 2595 §4)");
        }
        var (connection, error) = await TlsUpgrade.HandshakeAsync(_transport, _tls, stopping);
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
        _pendingUser = null;
        _state = Pop3State.Authorization;
        return true;
    }

    private void DisposeTls()
    {
        _tlsConnection?.Dispose();
        _tlsConnection = null;
    }
}
