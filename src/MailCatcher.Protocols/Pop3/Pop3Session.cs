using System.Buffers;
using System.IO.Pipelines;
using System.Text;
using MailCatcher.Core.Mailbox;
using MailCatcher.Core.Options;
using MailCatcher.Protocols.Shared;

namespace MailCatcher.Protocols.Pop3;

/// <summary>
/// One POP3 conversation (RFC 1939) from greeting to close. This file holds the read loop; the
/// commands live in Pop3Session.Commands.cs. Pipelined commands (RFC 2449 PIPELINING) are answered
/// in order and flushed once per read.
/// </summary>
public sealed partial class Pop3Session
{
    private readonly IDuplexPipe _transport;
    private readonly TlsServerSettings _tls;
    private PipeReader _input;
    private PipeWriter _output;
    private readonly IMailboxStore _store;
    private readonly MailboxAuthenticator _authenticator;
    private readonly Pop3Options _options;
    private readonly string _timestamp;

    private Pop3State _state = Pop3State.Authorization;
    private int _errors;
    private bool _discardingLongLine;

    /// <param name="tls">The certificate for STLS (RFC 2595 §4); none means STLS is not offered.</param>
    /// <param name="implicitTls">Protocol and cipher when the connection arrived already encrypted (RFC 8314 implicit TLS).</param>
    public Pop3Session(IDuplexPipe transport, IMailboxStore store, MailboxAuthenticator authenticator, Pop3Options options, TimeProvider clock, TlsServerSettings? tls = null, string? implicitTls = null)
    {
        ArgumentNullException.ThrowIfNull(transport);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(clock);
        _transport = transport;
        _tls = tls ?? TlsServerSettings.None;
        Tls = implicitTls;
        _input = transport.Input;
        _output = transport.Output;
        _store = store;
        _authenticator = authenticator;
        _options = options;
        // RFC 1939 §7: the APOP timestamp is unique per greeting, in msg-id form.
        _timestamp = $"<{Environment.ProcessId}.{clock.GetUtcNow().ToUnixTimeMilliseconds()}.{Guid.NewGuid():N}@{options.HostName}>";
        Transcript = new TranscriptRecorder(clock);
    }

    public TranscriptRecorder Transcript { get; }

    /// <summary>The logged-in user, once in the TRANSACTION state.</summary>
    public string? User { get; private set; }

    /// <summary>Protocol and cipher once the session is encrypted (STLS or implicit TLS).</summary>
    public string? Tls { get; private set; }

    /// <summary>Why the session ended abnormally (a failed TLS handshake), if it did.</summary>
    public string? Error { get; private set; }

    /// <summary>Runs the session until QUIT, disconnect, idle timeout or server stop.</summary>
    public async Task RunAsync(CancellationToken stopping)
    {
        try
        {
            await RunLoopAsync(stopping);
        }
        finally
        {
            DisposeTls();
        }
    }

    private async Task RunLoopAsync(CancellationToken stopping)
    {
        if (Tls is not null)
        {
            Transcript.Info($"implicit TLS (RFC 8314): {Tls}");
        }
        Send(Pop3Replies.Greeting(_timestamp));
        await _output.FlushAsync(stopping);
        using var idle = new IdleDeadline(_options.IdleTimeout, stopping);
        while (true)
        {
            ReadResult result;
            try
            {
                result = await _input.ReadAsync(idle.StartRead());
            }
            catch (OperationCanceledException)
            {
                // RFC 1939 §3: an autologout timer ends the session without entering UPDATE.
                Send(stopping.IsCancellationRequested ? Pop3Replies.ShuttingDown : Pop3Replies.IdleTimeout);
                await TryFlushAsync();
                return;
            }
            idle.ReadCompleted();
            var buffer = result.Buffer;
            var close = false;
            long discarded = 0;
            try
            {
                while (!close && !_startTls && LineParser.TryReadLine(ref buffer, out var line, out _))
                {
                    if (_discardingLongLine || line.Length > Pop3Command.MaxLineLength)
                    {
                        _discardingLongLine = false;
                        Transcript.Info("line too long: command line over 255 octets discarded");
                        Send(Pop3Replies.LineTooLong);
                        _errors++;
                        continue;
                    }
                    var command = Pop3Command.Parse(line);
                    Transcript.In(command.Verb == Pop3Verb.Pass ? "PASS ********" : Encoding.UTF8.GetString(line));
                    close = await ExecuteAsync(command, stopping);
                }
                if (_startTls)
                {
                    // RFC 2595 §4: nothing the client pipelined after STLS may be acted on.
                    discarded = buffer.Length;
                    buffer = buffer.Slice(buffer.End);
                }
                else if (!close && buffer.Length > Pop3Command.MaxLineLength)
                {
                    _discardingLongLine = true;
                    buffer = buffer.Slice(buffer.End);
                }
            }
            finally
            {
                idle.Progress(result.Buffer, buffer);
                _input.AdvanceTo(buffer.Start, buffer.End);
            }
            if (close)
            {
                await TryFlushAsync();
                return;
            }
            if (_startTls)
            {
                _startTls = false;
                if (!await StartTlsHandshakeAsync(discarded, stopping))
                {
                    return;
                }
                continue;
            }
            if (_errors >= _options.MaxErrors)
            {
                Send(Pop3Replies.TooManyErrors);
                await TryFlushAsync();
                return;
            }
            await _output.FlushAsync(stopping);
            if (result.IsCompleted)
            {
                // RFC 1939 §6: without QUIT there is no UPDATE state; DELE marks are dropped.
                Transcript.Info("client disconnected without QUIT");
                return;
            }
        }
    }

    private void Send(string line)
    {
        if (line.StartsWith('-'))
        {
            _errors++;
        }
        Transcript.Out(line);
        _output.Write(Encoding.UTF8.GetBytes(line + "\r\n"));
    }

    private void SendLines(IEnumerable<string> lines)
    {
        foreach (var line in lines)
        {
            _output.Write(Encoding.UTF8.GetBytes(line + "\r\n"));
        }
        _output.Write(".\r\n"u8);
    }

    private async Task TryFlushAsync()
    {
        try
        {
            await _output.FlushAsync();
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or InvalidOperationException or OperationCanceledException)
        {
            // The client is gone.
        }
    }
}
