using System.Buffers;
using System.IO.Pipelines;
using System.Text;
using MailCatcher.Core.Content;
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
    private readonly PipeReader _input;
    private readonly PipeWriter _output;

    private SmtpState _state = SmtpState.Connected;
    private InputMode _mode = InputMode.Commands;
    private int _errors;
    private bool _discardingLongLine;

    public SmtpSession(IDuplexPipe transport, IMessageSink sink, SmtpOptions options, TimeProvider clock, long sessionId, string clientAddress)
    {
        ArgumentNullException.ThrowIfNull(transport);
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
    }

    /// <summary>Runs the session until the client quits, disconnects, idles out or the server stops.</summary>
    public async Task RunAsync(CancellationToken stopping)
    {
        Send(SmtpReplies.Greeting(_options.HostName));
        await _output.FlushAsync(stopping);

        using var idle = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        while (true)
        {
            idle.CancelAfter(_options.IdleTimeout);
            ReadResult result;
            try
            {
                result = await _input.ReadAsync(idle.Token);
            }
            catch (OperationCanceledException)
            {
                var reply = stopping.IsCancellationRequested
                    ? SmtpReplies.ShuttingDown(_options.HostName)
                    : SmtpReplies.IdleTimeout(_options.HostName);
                Error = stopping.IsCancellationRequested ? "server shutting down" : "idle timeout";
                Transcript.Info(Error);
                Send(reply);
                await TryFlushAsync();
                return;
            }
            if (!idle.TryReset())
            {
                return;
            }

            var buffer = result.Buffer;
            var action = Step(ref buffer);
            var caughtUp = action == NextAction.Read;
            // When more input may follow in the buffer, mark only what was consumed as examined,
            // so the next read returns at once with the rest.
            _input.AdvanceTo(buffer.Start, caughtUp ? buffer.End : buffer.Start);

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
            await _output.FlushAsync(stopping);
        }
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
                    continue;
            }

            if (!TryTakeCommandLine(ref buffer, out var line, out var bareLf))
            {
                return NextAction.Read;
            }
            if (line is null)
            {
                continue; // an over-long line was answered
            }
            var command = SmtpCommand.Parse(line.Value);
            Transcript.In(DescribeForTranscript(command, line.Value));
            if (bareLf)
            {
                Transcript.Info("bare LF: command line ended with LF instead of CRLF");
            }
            if (Execute(command) == CommandOutcome.Close)
            {
                return NextAction.Close;
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

    private void NoteDisconnect()
    {
        if (_mode != InputMode.Commands || _state is SmtpState.HaveSender or SmtpState.HaveRecipients or SmtpState.InBdat)
        {
            Error = _mode == InputMode.Commands
                ? "client disconnected in the middle of a mail transaction; nothing was stored"
                : "client disconnected during message content; the partial message was discarded";
        }
        else
        {
            Error ??= "client disconnected without QUIT";
        }
        Transcript.Info(Error);
        ResetTransaction();
    }

    private void Send(SmtpReply reply)
    {
        if (reply.IsError)
        {
            _errors++;
        }
        foreach (var line in reply.WireLines())
        {
            Transcript.Out(line);
            var bytes = Encoding.UTF8.GetBytes(line + "\r\n");
            _output.Write(bytes);
        }
    }

    private async Task TryFlushAsync()
    {
        try
        {
            await _output.FlushAsync();
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or InvalidOperationException or OperationCanceledException)
        {
            // The client is gone; nothing left to tell it.
        }
    }

    private DateTime Now => _clock.GetUtcNow().UtcDateTime;

    private SessionFacts Facts => new(_clientAddress, HeloName, Tls, AuthenticatedUser);

    private static string DescribeForTranscript(SmtpCommand command, in ReadOnlySequence<byte> line)
        => command.Verb == SmtpVerb.Unknown && IsBinary(line)
            ? $"<{line.Length:N0} bytes of binary data>"
            : Encoding.UTF8.GetString(line);

    private static bool IsBinary(in ReadOnlySequence<byte> line)
    {
        foreach (var segment in line)
        {
            foreach (var b in segment.Span)
            {
                if (b < 0x20 && b != (byte)'\t')
                {
                    return true;
                }
            }
        }
        return false;
    }
}
