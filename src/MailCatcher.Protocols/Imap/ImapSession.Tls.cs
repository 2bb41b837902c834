using MailCatcher.Protocols.Shared;

namespace MailCatcher.Protocols.Imap;

/// <summary>STARTTLS (RFC 3501 §6.2.1, RFC 2595 §3.1): the connection is upgraded in place (<see cref="TlsUpgrade"/>).</summary>
public sealed partial class ImapSession
{
    private TlsConnection? _tlsConnection;
    private bool _startTls;

    /// <summary>RFC 2595 §3.2: with <c>--mailbox-require-tls</c>, no login until the session is encrypted.</summary>
    private bool LoginDisabled => _authenticator.RequiresTls && Tls is null;

    /// <summary>What CAPABILITY says now: STARTTLS only before login and before TLS, LOGINDISABLED while login needs TLS.</summary>
    private string Capabilities =>
        ImapReplies.Capabilities(_tls.IsAvailable && Tls is null && _state == ImapState.NotAuthenticated, LoginDisabled);

    /// <summary>RFC 3501 §6.2.1 STARTTLS: tagged OK and then the handshake, or BAD when TLS cannot be started.</summary>
    private void StartTls(string tag)
    {
        if (Tls is not null)
        {
            Tagged(tag, ImapReplies.TlsAlreadyActive);
            return;
        }
        if (!_tls.IsAvailable)
        {
            Tagged(tag, ImapReplies.TlsUnavailable);
            return;
        }
        Tagged(tag, ImapReplies.BeginTls);
        _startTls = true;
    }

    /// <summary>
    /// Flushes the tagged OK, runs the handshake and swaps the session's reader and writer for the
    /// encrypted ones. RFC 3501 §6.2.1: the client must discard what it knew of the capabilities;
    /// the server's are recomputed (no STARTTLS, AUTH=PLAIN instead of LOGINDISABLED).
    /// </summary>
    /// <returns>False when the handshake failed and the session must end.</returns>
    private async Task<bool> StartTlsHandshakeAsync(long discarded, CancellationToken stopping)
    {
        await _output.FlushAsync(stopping);
        if (discarded > 0)
        {
            Transcript.Info($"{discarded:N0} bytes sent after STARTTLS, before the handshake, were discarded (RFC 3501 §6.2.1)");
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
        return true;
    }

    private void DisposeTls()
    {
        _tlsConnection?.Dispose();
        _tlsConnection = null;
    }
}
