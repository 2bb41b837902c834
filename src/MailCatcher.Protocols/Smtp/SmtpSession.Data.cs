using System.Buffers;
using System.Globalization;
using MailCatcher.Core.Content;
using MailCatcher.Core.Messages;
using MailCatcher.Protocols.Shared;
using MailCatcher.Protocols.Smtp.Faults;

namespace MailCatcher.Protocols.Smtp;

/// <summary>Message content: DATA (RFC 5321 §4.1.1.4) and BDAT (RFC 3030 CHUNKING).</summary>
public sealed partial class SmtpSession
{
    private SpooledContent? _content;
    private SmtpDataDecoder? _decoder;
    private long _chunkRemaining;
    private bool _chunkIsLast;
    private bool _chunkDiscarded;
    private bool _contentTooBig;
    private IncomingMessage? _pendingMessage;

    private void StartData(string arguments)
    {
        if (arguments.Length > 0)
        {
            Send(SmtpReplies.SyntaxError("DATA takes no arguments"));
            return;
        }
        _content = _sink.CreateContent();
        // RFC 5321 §4.1.1.4: only CRLF "." CRLF ends the data, unless the client ends every line with LF.
        _decoder = new SmtpDataDecoder(_options.MaxMessageSize, _options.MaxDataLineLength, bareLfEndsLines: _commandEndedWithBareLf);
        _mode = InputMode.Data;
        Send(SmtpReplies.StartMailInput);
    }

    /// <summary>Feeds DATA content to the decoder; true once the final "." line has been read.</summary>
    private bool DecodeData(ref ReadOnlySequence<byte> buffer)
    {
        if (!_decoder!.Decode(ref buffer, _content!))
        {
            return false;
        }
        _mode = InputMode.Commands;
        var decoder = _decoder;
        Transcript.In(string.Create(CultureInfo.InvariantCulture, $"<message data: {decoder.Size:N0} bytes>"));
        if (decoder.BareLfLines > 0)
        {
            Transcript.Info($"bare LF: {decoder.BareLfLines:N0} lines ended with LF instead of CRLF; stored as received");
        }
        if (decoder.BareLfDotLines > 0)
        {
            Transcript.Info($"bare LF: {decoder.BareLfDotLines:N0} \".\" lines after a bare LF kept as content; only CRLF \".\" CRLF ends the data (RFC 5321 §4.1.1.4)");
        }
        if (decoder.LongLines > 0)
        {
            Transcript.Info($"line too long: {decoder.LongLines:N0} lines over RFC 5321's 998 octets (longest {decoder.LongestLine:N0}); accepted");
        }

        if (decoder.SizeExceeded)
        {
            Transcript.Info($"message of {decoder.Size:N0} bytes is over the {_options.MaxMessageSize:N0} byte limit; discarded");
            ProtocolMetrics.SmtpMessageRejected();
            ResetTransaction();
            Send(SmtpReplies.MessageTooBig(_options.MaxMessageSize));
            return true;
        }
        if (decoder.LineLimitExceeded)
        {
            Transcript.Info($"a line of over {_options.MaxDataLineLength:N0} bytes exceeds the configured limit; message discarded");
            ResetTransaction();
            Send(SmtpReplies.LineTooLong);
            return true;
        }
        CompleteMessage();
        return true;
    }

    /// <summary>RFC 3030 §2: <c>"BDAT" SP chunk-size [ SP end-marker ]</c>; the chunk's octets follow the command line.</summary>
    /// <returns>
    /// False on bad syntax. <paramref name="size"/> is then still the chunk size when the first
    /// argument is a number (else -1), so that the chunk can be skipped.
    /// </returns>
    private static bool TryParseChunkHeader(string arguments, out long size, out bool last)
    {
        var parts = arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        last = parts.Length == 2 && parts[1].Equals("LAST", StringComparison.OrdinalIgnoreCase);
        if (parts.Length == 0 || !long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out size))
        {
            size = -1;
            return false;
        }
        return parts.Length == 1 || last;
    }

    private void StartChunk(SmtpCommand command)
    {
        if (!TryParseChunkHeader(command.Arguments, out var size, out var last))
        {
            // "BDAT 5 LAT": the size is known, so its octets are skipped rather than read as commands.
            RejectChunk(command, SmtpReplies.SyntaxError("expected BDAT <size> [LAST]"));
            return;
        }
        _content ??= _sink.CreateContent();
        _state = SmtpState.InBdat;
        _chunkRemaining = size;
        _chunkIsLast = last;
        _chunkDiscarded = false;
        _mode = InputMode.Bdat;
    }

    /// <summary>Reads and drops the octets of a BDAT that cannot be accepted, then sends <paramref name="reply"/>.</summary>
    private void RejectChunk(SmtpCommand command, SmtpReply reply)
    {
        _ = TryParseChunkHeader(command.Arguments, out var size, out _);
        if (size < 0)
        {
            // Without a size the chunk cannot be skipped; the client's next bytes are read as commands.
            Send(SmtpReplies.SyntaxError("expected BDAT <size> [LAST]"));
            return;
        }
        _chunkRemaining = size;
        _chunkIsLast = false;
        _chunkDiscarded = true;
        _rejectedChunkReply = reply;
        _mode = InputMode.Bdat;
    }

    private SmtpReply? _rejectedChunkReply;

    /// <summary>Consumes chunk octets; true once the whole chunk is in.</summary>
    private bool ReceiveChunk(ref ReadOnlySequence<byte> buffer)
    {
        var take = Math.Min(_chunkRemaining, buffer.Length);
        if (!_chunkDiscarded && !_contentTooBig)
        {
            var chunk = buffer.Slice(0, take);
            if (_options.MaxMessageSize > 0 && _content!.Length + take > _options.MaxMessageSize)
            {
                _contentTooBig = true;
            }
            else
            {
                _content!.Write(chunk);
            }
        }
        buffer = buffer.Slice(take);
        _chunkRemaining -= take;
        if (_chunkRemaining > 0)
        {
            return false;
        }

        _mode = InputMode.Commands;
        if (_chunkDiscarded)
        {
            Transcript.In("<chunk data discarded>");
            Send(_rejectedChunkReply!);
            _rejectedChunkReply = null;
            return true;
        }
        Transcript.In(string.Create(CultureInfo.InvariantCulture, $"<chunk data: {_content!.Length:N0} bytes in message so far>"));
        if (_contentTooBig)
        {
            // RFC 3030 §2: after a failed chunk the transaction is over; later BDATs get 503.
            Transcript.Info($"message is over the {_options.MaxMessageSize:N0} byte limit; discarded");
            ProtocolMetrics.SmtpMessageRejected();
            ResetTransaction();
            Send(SmtpReplies.MessageTooBig(_options.MaxMessageSize));
            return true;
        }
        if (_chunkIsLast)
        {
            CompleteMessage();
        }
        else
        {
            Send(SmtpReplies.ChunkReceived(_content.Length));
        }
        return true;
    }

    private void CompleteMessage()
    {
        if (InjectFault(FaultStage.Data, [_mailFrom ?? "", .. _recipients]))
        {
            // The fault answered (or will drop the connection): the message is not stored.
            Transcript.Info("message discarded by the injected fault");
            ProtocolMetrics.SmtpMessageRejected();
            ResetTransaction();
            return;
        }
        _pendingMessage = new IncomingMessage(_sessionId, new Envelope(_mailFrom ?? "", [.. _recipients]), Facts, _content!, Now);
        _content = null; // ownership passes to the message
        _decoder = null;
    }

    /// <summary>Stores the completed message; 250 only after the store reports it committed.</summary>
    private async Task StoreMessageAsync(CancellationToken stopping)
    {
        var message = _pendingMessage!;
        _pendingMessage = null;
        try
        {
            if (message.Content.WriteFailure is { } spoolFailure)
            {
                // The temp folder filled up while the message came in: nothing to store.
                throw StorageFullException.IsDiskFull(spoolFailure)
                    ? new StorageFullException("The spool for incoming messages is full.", spoolFailure)
                    : new IOException("The message could not be spooled.", spoolFailure);
            }
            var copies = await _sink.DeliverAsync(message, stopping);
            foreach (var copy in copies)
            {
                MessageIds.Add(copy.Id);
                // No reason: the store has a single inbox and nothing to say about routing.
                if (copy.Reason.Length > 0)
                {
                    Transcript.Info($"stored as message {copy.Id} in inbox {copy.Inbox}: {copy.Reason}");
                }
            }
            ProtocolMetrics.SmtpMessageStored();
            Send(SmtpReplies.Queued(copies[0].Id));
        }
        catch (Exception e) when (StorageFullException.IsDiskFull(e))
        {
            Transcript.Info($"storing the message failed, the disk is full: {e.Message}");
            ProtocolMetrics.SmtpMessageFailed();
            Send(SmtpReplies.MailSystemFull);
        }
#pragma warning disable CA1031 // Whatever went wrong in storage, the client must hear 451 and may retry.
        catch (Exception e)
#pragma warning restore CA1031
        {
            Transcript.Info($"storing the message failed: {e.GetType().Name}: {e.Message}");
            ProtocolMetrics.SmtpMessageFailed();
            Send(SmtpReplies.StorageFailed);
        }
        finally
        {
            message.Content.Dispose();
        }
        ResetTransaction();
    }

    private void DiscardContent()
    {
        _content?.Dispose();
        _content = null;
        _decoder = null;
        _contentTooBig = false;
        if (_mode == InputMode.Bdat && !_chunkDiscarded)
        {
            _mode = InputMode.Commands;
        }
    }

    /// <summary>Frees a half-received message's buffer.</summary>
    public void Dispose()
    {
        DisposeTls();
        DiscardContent();
        _pendingMessage?.Content.Dispose();
        _pendingMessage = null;
    }
}
