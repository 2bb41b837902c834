using System.Buffers;
using System.IO.Pipelines;
using System.Text;
using MailCatcher.Core.Events;
using MailCatcher.Core.Mailbox;
using MailCatcher.Core.Options;
using MailCatcher.Protocols.Shared;

namespace MailCatcher.Protocols.Imap;

/// <summary>
/// One IMAP4rev1 conversation (RFC 3501) from greeting to close. This file holds the read loop
/// and framing; commands live in the other ImapSession.*.cs files by concern.
/// </summary>
public sealed partial class ImapSession : IDisposable
{
    private readonly IDuplexPipe _transport;
    private readonly TlsServerSettings _tls;
    private PipeReader _input;
    private PipeWriter _output;
    private readonly IMailboxStore _store;
    private readonly MailboxAuthenticator _authenticator;
    private readonly ImapFlagStore _flags;
    private readonly ImapOptions _options;
    private readonly IDisposable _busSubscription;

    private ImapState _state = ImapState.NotAuthenticated;
    private int _acknowledgedLiterals;
    private int _errors;
    private string? _discardingTag;
    private volatile bool _dirty;
    private volatile bool _idling;
    private string? _idleTag;
    private string? _authenticatingTag;
    private bool _moreBuffered;

    /// <param name="tls">The certificate for STARTTLS (RFC 3501 §6.2.1); none means STARTTLS is not offered.</param>
    /// <param name="implicitTls">Protocol and cipher when the connection arrived already encrypted (RFC 8314 implicit TLS).</param>
    public ImapSession(IDuplexPipe transport, IMailboxStore store, MailboxAuthenticator authenticator, ImapFlagStore flags, MailEventBus events, ImapOptions options, TimeProvider clock, TlsServerSettings? tls = null, string? implicitTls = null)
    {
        ArgumentNullException.ThrowIfNull(transport);
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(flags);
        _transport = transport;
        _tls = tls ?? TlsServerSettings.None;
        Tls = implicitTls;
        _input = transport.Input;
        _output = transport.Output;
        _store = store;
        _authenticator = authenticator;
        _flags = flags;
        _options = options;
        Transcript = new TranscriptRecorder(clock);
        // Changes made elsewhere (web inbox, API, other sessions) are picked up at the next
        // command, or at once while idling (RFC 2177).
        _busSubscription = events.Subscribe(e =>
        {
            if (e is MessageReceived or MessageUpdated or MessagesDeleted)
            {
                MarkDirty();
            }
        });
        _flags.Changed += OnFlagsChanged;
    }

    public TranscriptRecorder Transcript { get; }

    public string? User { get; private set; }

    /// <summary>Protocol and cipher once the session is encrypted (STARTTLS or implicit TLS).</summary>
    public string? Tls { get; private set; }

    /// <summary>Why the session ended abnormally (a failed TLS handshake), if it did.</summary>
    public string? Error { get; private set; }

    /// <summary>Runs the session until LOGOUT, disconnect, idle timeout or server stop.</summary>
    public async Task RunAsync(CancellationToken stopping)
    {
        if (Tls is not null)
        {
            Transcript.Info($"implicit TLS (RFC 8314): {Tls}");
        }
        Line(ImapReplies.Greeting(Capabilities));
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
                Line(stopping.IsCancellationRequested ? ImapReplies.ShuttingDown : ImapReplies.IdleTimeout);
                await TryFlushAsync();
                return;
            }
            idle.ReadCompleted();
            if (result.IsCanceled && _idling)
            {
                // An event arrived while idling (see MarkDirty): RFC 2177 pushes it at once.
                await SyncAsync(allowExpunge: true, stopping);
                await _output.FlushAsync(stopping);
            }
            var buffer = result.Buffer;
            var close = false;
            long discarded = 0;
            try
            {
                close = await ProcessAsync(ref buffer, stopping);
            }
            finally
            {
                if (_startTls)
                {
                    // RFC 3501 §6.2.1: nothing the client pipelined after STARTTLS may be acted on.
                    discarded = buffer.Length;
                    buffer = buffer.Slice(buffer.End);
                }
                idle.Progress(result.Buffer, buffer);
                // After IDLE or AUTHENTICATE the rest of the buffer waits for their answer; look at it again at once.
                _input.AdvanceTo(buffer.Start, _moreBuffered && !buffer.IsEmpty ? buffer.Start : buffer.End);
                _moreBuffered = false;
            }
            if (close || _errors >= _options.MaxErrors)
            {
                if (!close)
                {
                    Line(ImapReplies.TooManyErrors);
                }
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
            await _output.FlushAsync(stopping);
            if (result.IsCompleted)
            {
                Transcript.Info("client disconnected without LOGOUT");
                return;
            }
        }
    }

    /// <summary>Handles every complete command in the buffer; true when the session must close.</summary>
    private Task<bool> ProcessAsync(ref ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
    {
        // ref parameters cannot cross awaits: frame synchronously, then run the commands.
        var work = new List<Func<Task<bool>>>();
        while (true)
        {
            if (_discardingTag is not null || _idling || _authenticatingTag is not null)
            {
                if (!LineParser.TryReadLine(ref buffer, out var line, out _))
                {
                    if (_discardingTag is not null || buffer.Length > _options.MaxLineLength)
                    {
                        buffer = buffer.Slice(buffer.End);
                    }
                    break;
                }
                var text = Encoding.UTF8.GetString(line);
                if (_discardingTag is { } tag)
                {
                    _discardingTag = null;
                    work.Add(() => Reply(tag, ImapReplies.LineTooLong));
                }
                else if (_idling)
                {
                    _idling = false;
                    work.Add(() => EndIdleAsync(text, cancellationToken));
                    continue;
                }
                else
                {
                    var authTag = _authenticatingTag!;
                    _authenticatingTag = null;
                    work.Add(() => Task.FromResult(FinishAuthenticate(authTag, text)));
                    _moreBuffered = true;
                    break; // the reply decides what comes next
                }
                continue;
            }
            var frame = ImapCommandFramer.TryFrame(ref buffer, _acknowledgedLiterals, _options.MaxLineLength, _options.MaxLiteral);
            if (frame.Kind == ImapFrameKind.NeedMore)
            {
                break;
            }
            if (frame.Kind == ImapFrameKind.NeedContinuation)
            {
                _acknowledgedLiterals++;
                work.Add(() => Continue(ImapReplies.Continue));
                break;
            }
            _acknowledgedLiterals = 0;
            if (frame.Kind == ImapFrameKind.LineTooLong)
            {
                Transcript.Info("line too long: command discarded");
                if (frame.Unterminated)
                {
                    _discardingTag = frame.Tag;
                    break;
                }
                work.Add(() => Reply(frame.Tag, ImapReplies.LineTooLong));
                continue;
            }
            if (frame.Kind == ImapFrameKind.LiteralTooLarge)
            {
                Transcript.Info("literal too large: command refused");
                if (frame.NonSynchronizing)
                {
                    // RFC 7888 §4: the octets are already on their way; the only safe answer is to close.
                    work.Add(() => Close(ImapReplies.LiteralTooLargeBye));
                    break;
                }
                work.Add(() => Reply(frame.Tag, ImapReplies.LiteralTooLarge));
                continue;
            }
            var command = frame.Command!;
            work.Add(() => ExecuteAsync(command, cancellationToken));
            if (StopsFraming(command))
            {
                _moreBuffered = true;
                break; // what follows is not a command until this one has answered
            }
        }
        return RunAllAsync(work);
    }

    private static async Task<bool> RunAllAsync(List<Func<Task<bool>>> work)
    {
        foreach (var step in work)
        {
            if (await step())
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>IDLE, AUTHENTICATE and STARTTLS change what the following bytes are; frame no further until they have answered.</summary>
    private static bool StopsFraming(byte[] command)
    {
        var text = Encoding.ASCII.GetString(command, 0, Math.Min(command.Length, 80)).ToUpperInvariant();
        var space = text.IndexOf(' ', StringComparison.Ordinal);
        if (space <= 0)
        {
            return false;
        }
        var name = text[(space + 1)..];
        return name.StartsWith("IDLE", StringComparison.Ordinal)
            || name.StartsWith("AUTHENTICATE", StringComparison.Ordinal)
            || name.StartsWith("STARTTLS", StringComparison.Ordinal);
    }

    private void MarkDirty()
    {
        _dirty = true;
        if (_idling)
        {
            _input.CancelPendingRead();
        }
    }

    private void OnFlagsChanged(IReadOnlyList<long> ids) => MarkDirty();

    private Task<bool> Continue(string text)
    {
        Line(text);
        return Task.FromResult(false);
    }

    private Task<bool> Close(string text)
    {
        Line(text);
        return Task.FromResult(true);
    }

    private Task<bool> Reply(string tag, string text)
    {
        Tagged(tag, text);
        return Task.FromResult(false);
    }

    private void Tagged(string tag, string text)
    {
        _errors = text.StartsWith("BAD", StringComparison.Ordinal) ? _errors + 1 : 0;
        Line($"{tag} {text}");
    }

    private void Line(string text)
    {
        Transcript.Out(text);
        _output.Write(Encoding.UTF8.GetBytes(text + "\r\n"));
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

    public void Dispose()
    {
        _busSubscription.Dispose();
        _flags.Changed -= OnFlagsChanged;
        DisposeTls();
    }
}
