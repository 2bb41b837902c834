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
    private readonly PipeReader _input;
    private readonly PipeWriter _output;
    private readonly IMailboxStore _store;
    private readonly MailboxAuthenticator _authenticator;
    private readonly Pop3Options _options;
    private readonly string _timestamp;

    private Pop3State _state = Pop3State.Authorization;
    private int _errors;
    private bool _discardingLongLine;

    public Pop3Session(IDuplexPipe transport, IMailboxStore store, MailboxAuthenticator authenticator, Pop3Options options, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(transport);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(clock);
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

    /// <summary>Runs the session until QUIT, disconnect, idle timeout or server stop.</summary>
    public async Task RunAsync(CancellationToken stopping)
    {
        Send(Pop3Replies.Greeting(_timestamp));
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
                // RFC 1939 §3: an autologout timer ends the session without entering UPDATE.
                Send(stopping.IsCancellationRequested ? Pop3Replies.ShuttingDown : Pop3Replies.IdleTimeout);
                await TryFlushAsync();
                return;
            }
            if (!idle.TryReset())
            {
                return;
            }
            var buffer = result.Buffer;
            var close = false;
            try
            {
                while (!close && LineParser.TryReadLine(ref buffer, out var line, out _))
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
                if (!close && buffer.Length > Pop3Command.MaxLineLength)
                {
                    _discardingLongLine = true;
                    buffer = buffer.Slice(buffer.End);
                }
            }
            finally
            {
                _input.AdvanceTo(buffer.Start, buffer.End);
            }
            if (close)
            {
                await TryFlushAsync();
                return;
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
