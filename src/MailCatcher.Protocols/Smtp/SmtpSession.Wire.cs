using System.Buffers;
using System.Text;
using MailCatcher.Core.Sessions;
using MailCatcher.Protocols.Shared;

namespace MailCatcher.Protocols.Smtp;

/// <summary>What goes out on the wire and what the transcript records of it.</summary>
public sealed partial class SmtpSession
{
    private void NoteDisconnect()
    {
        var loss = OpenTransactionLoss();
        Error = loss is null ? Error ?? "client disconnected without QUIT" : $"client disconnected {loss}";
        Transcript.Info(Error);
        ResetTransaction();
    }

    /// <summary>What ending the session now (QUIT, disconnect, idle timeout, shutdown) loses of an open mail transaction, or null.</summary>
    private string? OpenTransactionLoss()
    {
        if (_mode != InputMode.Commands)
        {
            return "during message content; the partial message was discarded";
        }
        return _state is SmtpState.HaveSender or SmtpState.HaveRecipients or SmtpState.InBdat
            ? "in the middle of a mail transaction; nothing was stored"
            : null;
    }

    /// <param name="countsAsError">
    /// False for a refusal that a well-behaved client provokes in normal use and then acts on,
    /// so that it does not bring the session closer to its error limit.
    /// </param>
    private void Send(SmtpReply reply, bool countsAsError = true)
    {
        if (reply.IsError && countsAsError)
        {
            _errors++;
        }
        ProtocolMetrics.SmtpReplySent(reply.Code);
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

    private static string DescribeForTranscript(SmtpCommand command, in ReadOnlySequence<byte> line) => command.Verb switch
    {
        SmtpVerb.Unknown when IsBinary(line) => $"<{line.Length:N0} bytes of binary data>",
        // Secrets never reach the transcript: an initial response carries the credentials.
        SmtpVerb.Auth => MaskAuthCommand(command),
        _ => Encoding.UTF8.GetString(line),
    };

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
