using System.Buffers;
using System.Text;

namespace MailCatcher.Protocols.Imap;

/// <summary>
/// Finds where one IMAP command ends in the input, literals included. Pure: no I/O, no state
/// beyond what the caller passes in.
/// </summary>
/// <remarks>
/// RFC 3501 §4.3: a literal is "{" number "}" CRLF followed by that many octets, and the
/// command goes on after them; RFC 7888 LITERAL+ adds "{" number "+}" which the client sends
/// without waiting for a continuation request. §7.5: before a synchronizing literal the server
/// sends "+" — the caller does that when told <see cref="ImapFrameKind.NeedContinuation"/>,
/// and passes the number of literals acknowledged so far for this command.
/// </remarks>
public static class ImapCommandFramer
{
    /// <summary>
    /// Takes one command off the front of <paramref name="buffer"/> when it is complete, or
    /// skips a line that can never be a command (too long, a literal too large).
    /// </summary>
    public static ImapFrame TryFrame(ref ReadOnlySequence<byte> buffer, int acknowledgedLiterals, int maxLineLength, long maxLiteral)
    {
        var reader = new SequenceReader<byte>(buffer);
        var literals = 0;
        while (true)
        {
            var lineStart = reader.Position;
            if (!reader.TryAdvanceTo((byte)'\n', advancePastDelimiter: true))
            {
                if (buffer.Slice(lineStart).Length > maxLineLength)
                {
                    // Keep nothing of a line that is already too long: the caller skips to its end.
                    var tag = TagOf(buffer.Slice(0, Math.Min(buffer.Length, 64)));
                    buffer = buffer.Slice(buffer.End);
                    return new ImapFrame(ImapFrameKind.LineTooLong, Tag: tag, Unterminated: true);
                }
                return new ImapFrame(ImapFrameKind.NeedMore);
            }
            var line = buffer.Slice(lineStart, reader.Position);
            if (line.Length > maxLineLength + 2)
            {
                var tag = TagOf(buffer.Slice(0, Math.Min(buffer.Length, 64)));
                buffer = buffer.Slice(reader.Position);
                return new ImapFrame(ImapFrameKind.LineTooLong, Tag: tag);
            }
            if (!TryLiteralAtEnd(line, out var size, out var nonSync))
            {
                var command = buffer.Slice(0, reader.Position).ToArray();
                buffer = buffer.Slice(reader.Position);
                return new ImapFrame(ImapFrameKind.Command, command, TagOf(command));
            }
            if (size > maxLiteral)
            {
                var tag = TagOf(buffer.Slice(0, Math.Min(buffer.Length, 64)));
                buffer = buffer.Slice(reader.Position);
                return new ImapFrame(ImapFrameKind.LiteralTooLarge, Tag: tag, NonSynchronizing: nonSync);
            }
            literals++;
            if (reader.Remaining < size)
            {
                return !nonSync && literals > acknowledgedLiterals
                    ? new ImapFrame(ImapFrameKind.NeedContinuation)
                    : new ImapFrame(ImapFrameKind.NeedMore);
            }
            reader.Advance(size);
        }
    }

    /// <summary>Whether a line (CRLF or LF included) ends with "{n}" or "{n+}".</summary>
    public static bool TryLiteralAtEnd(in ReadOnlySequence<byte> line, out long size, out bool nonSynchronizing)
    {
        size = 0;
        nonSynchronizing = false;
        var tail = line.Length > 40 ? line.Slice(line.Length - 40) : line;
        Span<byte> bytes = stackalloc byte[(int)tail.Length];
        tail.CopyTo(bytes);
        var end = bytes.Length;
        while (end > 0 && bytes[end - 1] is (byte)'\r' or (byte)'\n')
        {
            end--;
        }
        if (end < 3 || bytes[end - 1] != (byte)'}')
        {
            return false;
        }
        var close = end - 1;
        var digitsEnd = close;
        if (bytes[close - 1] == (byte)'+')
        {
            nonSynchronizing = true;
            digitsEnd--;
        }
        var open = digitsEnd - 1;
        while (open >= 0 && bytes[open] is >= (byte)'0' and <= (byte)'9')
        {
            open--;
        }
        if (open < 0 || bytes[open] != (byte)'{' || open == digitsEnd - 1 || digitsEnd - open - 1 > 18)
        {
            nonSynchronizing = false;
            return false;
        }
        foreach (var digit in bytes[(open + 1)..digitsEnd])
        {
            size = (size * 10) + (digit - '0');
        }
        return true;
    }

    /// <summary>The tag of a command (its first word), for answering one that could not be framed.</summary>
    public static string TagOf(in ReadOnlySequence<byte> start) => TagOf(start.ToArray());

    private static string TagOf(byte[] start)
    {
        var length = 0;
        while (length < start.Length && length < 64 && start[length] > 0x20 && start[length] < 0x7F)
        {
            length++;
        }
        return length == 0 ? "*" : Encoding.ASCII.GetString(start, 0, length);
    }
}
