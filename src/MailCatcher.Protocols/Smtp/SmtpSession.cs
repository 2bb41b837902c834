using System.Buffers;
using System.IO.Pipelines;
using System.Text;
using MailCatcher.Core.Content;
using MailCatcher.Core.Inboxes;
using MailCatcher.Core.Messages;
using MailCatcher.Core.Options;
using MailCatcher.Core.Sessions;
using MailCatcher.Protocols.Shared;

namespace MailCatcher.Protocols.Smtp;

/// <summary>
/// One SMTP conversation (RFC 5321) from greeting to close. This file holds the read loop;
/// the commands live in SmtpSession.Commands.cs and message content in SmtpSession.Data.cs.
/// </summary>
/// <remarks>
/// Input is processed synchronously, command by command, until either the buffer holds no
/// complete command or a command needs to wait (storing a message). Replies are written
/// without flushing and flushed once per read, which is what RFC 2920 PIPELINING asks for:
/// a pipelined batch gets its replies in one write.
/// </remarks>
public sealed partial class SmtpSession : IDisposable
{
    /// <summary>Design.md: command lines over 4,096 bytes get 500 5.5.6.</summary>
    public const int MaxCommandLineLength = 4096;

    private readonly IMessageSink _sink;
    private readonly SmtpOptions _options;
    private readonly TimeProvider _clock;
    private readonly long _sessionId;
    private readonly string _clientAddress;
    private readonly IDuplexPipe _transport;
    private readonly SmtpPolicy _policy;
    private PipeReader _input;
    private PipeWriter _output;

    private SmtpState _state = SmtpState.Connected;
    private InputMode _mode = InputMode.Commands;
    private int _errors;
    private bool _discardingLongLine;

    /// <summary>The command being executed ended with a bare LF (a client that never sends CR).</summary>
    private bool _commandEndedWithBareLf;

    /// <param name="policy">TLS, AUTH, recipient and fault rules; permissive when null.</param>
    /// <param name="implicitTls">Protocol and cipher when the connection arrived already encrypted (RFC 8314 implicit TLS).</param>
    public SmtpSession(IDuplexPipe transport, IMessageSink sink, SmtpOptions options, TimeProvider clock, long sessionId, string clientAddress, SmtpPolicy? policy = null, string? implicitTls = null)
    {
        ArgumentNullException.ThrowIfNull(transport);
        _transport = transport;
        _policy = policy ?? new SmtpPolicy();
        Tls = implicitTls;
        _input = transport.Input;
        _output = transport.Output;
        _sink = sink;
        _options = options;
        _clock = clock;
        _sessionId = sessionId;
        _clientAddress = clientAddress;
        Transcript = new TranscriptRecorder(clock);
    }

    private enum InputMode
    {
        Commands,
        Data,
        Bdat,
    }

    /// <summary>What the session has recorded so far.</summary>
    public TranscriptRecorder Transcript { get; }

    /// <summary>The name the client gave in HELO/EHLO.</summary>
    public string? HeloName { get; private set; }

    /// <summary>Protocol and cipher once the session is encrypted.</summary>
    public string? Tls { get; private set; }

    /// <summary>The credentials of isolated inboxes (issue 13), checked before the user list.</summary>
    public IInboxCredentials InboxCredentials { get; init; } = NoInboxCredentials.Instance;

    /// <summary>The user of a successful AUTH.</summary>
    public string? AuthenticatedUser { get; private set; }

    /// <summary>Ids of the messages stored in this session.</summary>
    public List<long> MessageIds { get; } = [];

    /// <summary>Why the session ended abnormally, if it did.</summary>
    public string? Error { get; private set; }

    /// <summary>What to do after a step of input processing.</summary>
    private enum NextAction
    {
        /// <summary>Need more input.</summary>
        Read,

        /// <summary>A complete message is waiting to be stored.</summary>
        StoreMessage,

        /// <summary>Close the connection after flushing.</summary>
        Close,

        /// <summary>STARTTLS was accepted: flush, then run the TLS handshake (RFC 3207 §4).</summary>
        StartTls,

        /// <summary>An injected fault wants a delay or a dropped connection.</summary>
        Fault,
    }

    /// <summary>Acknowledges received data at once (<see cref="TcpQuickAck"/>); null on a pipe without a socket.</summary>
    public Action? AcknowledgeInput { get; init; }

    /// <summary>Runs the session until the client quits, disconnects, idles out or the server stops.</summary>
    public async Task RunAsync(CancellationToken stopping)
    {
        if (Tls is not null)
        {
            Transcript.Info($"implicit TLS (RFC 8314): {Tls}");
        }
        if (!await GreetAsync(stopping))
        {
            return;
        }

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
                await CloseAsync(shuttingDown: stopping.IsCancellationRequested);
                return;
            }
            idle.ReadCompleted();

            var buffer = result.Buffer;
            var action = Step(ref buffer);
            var caughtUp = action == NextAction.Read;
            idle.Progress(result.Buffer, action == NextAction.StartTls ? buffer.Slice(buffer.End) : buffer);
            if (action == NextAction.StartTls)
            {
                // RFC 3207 §5: nothing the client pipelined after STARTTLS may be acted on.
                var discarded = buffer.Length;
                _input.AdvanceTo(buffer.End);
                if (!await StartTlsHandshakeAsync(discarded, stopping))
                {
                    return;
                }
                continue;
            }
            // When more input may follow in the buffer, mark only what was consumed as examined,
            // so the next read returns at once with the rest.
            _input.AdvanceTo(buffer.Start, caughtUp ? buffer.End : buffer.Start);
            if (caughtUp && _mode is InputMode.Data or InputMode.Bdat && !(_output.CanGetUnflushedBytes && _output.UnflushedBytes > 0))
            {
                // Inside a message, with no reply (354, a BDAT 250) about to carry the TCP
                // acknowledgement, the client may be waiting for one (TcpQuickAck).
                AcknowledgeInput?.Invoke();
            }

            if (!await ApplyPendingFaultAsync(stopping))
            {
                return;
            }

            if (action == NextAction.StoreMessage)
            {
                await StoreMessageAsync(stopping);
            }
            if (action == NextAction.Close)
            {
                await TryFlushAsync();
                return;
            }
            if (caughtUp && result.IsCompleted)
            {
                NoteDisconnect();
                return;
            }
            if (_errors >= _options.MaxErrors)
            {
                Error = $"closed after {_errors} errors";
                Transcript.Info(Error);
                Send(SmtpReplies.TooManyErrors(_options.HostName));
                await TryFlushAsync();
                return;
            }
            if (stopping.IsCancellationRequested)
            {
                // The host began to stop while this input was handled: its replies (the 250 of a
                // message just stored) still go out, then 421, instead of a flush that the stop
                // cancels before it writes anything and a connection closed without a word.
                await CloseAsync(shuttingDown: true);
                return;
            }
            await _output.FlushAsync(stopping);
        }
    }

    /// <summary>Ends the session with 421: the host is stopping, or the client was idle too long.</summary>
    private async Task CloseAsync(bool shuttingDown)
    {
        var reply = shuttingDown ? SmtpReplies.ShuttingDown(_options.HostName) : SmtpReplies.IdleTimeout(_options.HostName);
        Error = shuttingDown ? "server shutting down" : "idle timeout";
        if (OpenTransactionLoss() is { } loss)
        {
            Error += " " + loss;
        }
        Transcript.Info(Error);
        Send(reply);
        await TryFlushAsync();
    }

    /// <summary>Processes complete input in the buffer until more is needed or an action must be awaited.</summary>
    private NextAction Step(ref ReadOnlySequence<byte> buffer)
    {
        while (true)
        {
            switch (_mode)
            {
                case InputMode.Data:
                    if (!DecodeData(ref buffer))
                    {
                        return NextAction.Read;
                    }
                    if (_pendingMessage is not null)
                    {
                        return NextAction.StoreMessage;
                    }
                    if (_pendingFault is not null)
                    {
                        return NextAction.Fault;
                    }
                    continue;
                case InputMode.Bdat:
                    if (!ReceiveChunk(ref buffer))
                    {
                        return NextAction.Read;
                    }
                    if (_pendingMessage is not null)
                    {
                        return NextAction.StoreMessage;
                    }
                    if (_pendingFault is not null)
                    {
                        return NextAction.Fault;
                    }
                    continue;
            }

            if (!TryTakeCommandLine(ref buffer, out var line, out var bareLf))
            {
                return NextAction.Read;
            }
            if (line is null)
            {
                _authExchange = null; // an over-long line was answered; an AUTH exchange ends with it
                continue;
            }
            if (_authExchange is not null)
            {
                // RFC 4954 §4: a line during an AUTH exchange is a response, never a command.
                Transcript.In("<AUTH response, not recorded>");
                ContinueAuth(line.Value);
            }
            else
            {
                var command = SmtpCommand.Parse(line.Value);
                Transcript.In(DescribeForTranscript(command, line.Value));
                if (bareLf)
                {
                    Transcript.Info("bare LF: command line ended with LF instead of CRLF");
                }
                _commandEndedWithBareLf = bareLf;
                switch (Execute(command))
                {
                    case CommandOutcome.Close:
                        return NextAction.Close;
                    case CommandOutcome.StartTls:
                        return NextAction.StartTls;
                }
            }
            if (_pendingFault is not null)
            {
                return NextAction.Fault;
            }
        }
    }

    /// <summary>
    /// Takes one command line off the buffer. A line longer than <see cref="MaxCommandLineLength"/>
    /// is discarded up to its end and answered 500 5.5.6; then <paramref name="line"/> is null.
    /// </summary>
    private bool TryTakeCommandLine(ref ReadOnlySequence<byte> buffer, out ReadOnlySequence<byte>? line, out bool bareLf)
    {
        line = null;
        if (!LineParser.TryReadLine(ref buffer, out var found, out bareLf))
        {
            if (buffer.Length > MaxCommandLineLength)
            {
                // Keep nothing of a line that is already too long; answer when it ends.
                _discardingLongLine = true;
                buffer = buffer.Slice(buffer.End);
            }
            return false;
        }
        if (_discardingLongLine || found.Length > MaxCommandLineLength)
        {
            _discardingLongLine = false;
            Transcript.Info("line too long: command line over 4,096 bytes discarded");
            Send(SmtpReplies.LineTooLong);
            return true;
        }
        line = found;
        return true;
    }
}
