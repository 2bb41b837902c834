using System.Buffers;
using MailCatcher.Core.Content;

namespace MailCatcher.Protocols.Smtp;

/// <summary>
/// Decodes the content that follows DATA (RFC 5321 §4.1.1.4 and §4.5.2): removes the
/// transparency dot from lines that start with one, and stops at the line holding only ".".
/// Bytes beyond the size limit are counted but not kept, so an oversized message never
/// occupies more than the limit. Pure apart from writing to the given output.
/// </summary>
/// <remarks>
/// RFC 5321 §4.1.1.4: "&lt;LF&gt;.&lt;LF&gt;" MUST NOT be taken for the end of the data. A line is
/// therefore ended, for transparency and the end marker, only by CRLF: a bare LF inside the content
/// is kept as a character (curl sends LF files as they are and dot-stuffs only after CRLF). A client
/// that sends nothing but bare LFs, its DATA command included (netcat by hand), gets the old
/// tolerance: <paramref name="bareLfEndsLines"/> lets its bare LF end a line too.
/// </remarks>
/// <param name="bareLfEndsLines">True when the client's DATA command ended with a bare LF.</param>
public sealed class SmtpDataDecoder(long maxSize, int maxLineLength, bool bareLfEndsLines = false)
{
    private const byte CR = (byte)'\r';
    private const byte LF = (byte)'\n';
    private const byte Dot = (byte)'.';

    /// <summary>RFC 5321 §4.5.3.1.6: a text line is at most 1,000 octets including CRLF.</summary>
    public const int RfcMaxLineLength = 998;

    /// <summary>The next byte starts a line after CRLF (or the data): dot rules apply to it.</summary>
    private bool _atLineStart = true;

    /// <summary>Some bytes of the current line have been read.</summary>
    private bool _inLine;

    /// <summary>The current line began with "." right after a bare LF, where the dot is content.</summary>
    private bool _dotAfterBareLf;

    private bool _previousWasCr;
    private long _lineLength;

    /// <summary>Message bytes seen so far, after unstuffing, kept or not.</summary>
    public long Size { get; private set; }

    /// <summary>True once <see cref="Size"/> passed the limit (0 = no limit); nothing more is kept.</summary>
    public bool SizeExceeded { get; private set; }

    /// <summary>True when a line was longer than the configured maximum.</summary>
    public bool LineLimitExceeded { get; private set; }

    /// <summary>Lines ended by LF alone instead of CRLF.</summary>
    public int BareLfLines { get; private set; }

    /// <summary>Lines longer than RFC 5321's 998 octets.</summary>
    public int LongLines { get; private set; }

    /// <summary>The longest line seen, in octets without its terminator.</summary>
    public long LongestLine { get; private set; }

    /// <summary>Lines holding only "." after a bare LF, kept as content rather than taken for the end.</summary>
    public int BareLfDotLines { get; private set; }

    /// <summary>
    /// Consumes as much of <paramref name="buffer"/> as can be decoded now and writes the
    /// message bytes to <paramref name="output"/>.
    /// </summary>
    /// <returns>True when the end-of-data line was consumed; the rest of the buffer is then the next command.</returns>
    public bool Decode(ref ReadOnlySequence<byte> buffer, SpooledContent output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var reader = new SequenceReader<byte>(buffer);
        var finished = false;
        while (!reader.End)
        {
            if (!_inLine)
            {
                reader.TryPeek(out var first);
                if (first == Dot && _atLineStart)
                {
                    if (!reader.TryPeek(1, out var second))
                    {
                        break; // need to see what follows the dot
                    }
                    if (second == LF)
                    {
                        reader.Advance(2);
                        finished = true;
                        break;
                    }
                    if (second == CR)
                    {
                        if (!reader.TryPeek(2, out var third))
                        {
                            break;
                        }
                        if (third == LF)
                        {
                            reader.Advance(3);
                            finished = true;
                            break;
                        }
                    }
                    reader.Advance(1); // the transparency dot (§4.5.2) is not part of the message
                }
                _dotAfterBareLf = first == Dot && !_atLineStart;
                _inLine = true;
            }

            var start = reader.Position;
            if (reader.TryAdvanceTo(LF, advancePastDelimiter: true))
            {
                var lineWithLf = buffer.Slice(start, reader.Position);
                var contentLength = lineWithLf.Length - 1;
                var endsWithCr = contentLength > 0 ? LastBeforeLf(lineWithLf) == CR : _previousWasCr;
                if (!endsWithCr)
                {
                    BareLfLines++;
                }
                _lineLength += endsWithCr ? contentLength - 1 : contentLength;
                EndLine();
                Emit(lineWithLf, output);
                _atLineStart = endsWithCr || bareLfEndsLines;
            }
            else
            {
                var rest = reader.UnreadSequence;
                _lineLength += rest.Length;
                _previousWasCr = rest.Slice(rest.Length - 1).FirstSpan[0] == CR;
                Emit(rest, output);
                reader.AdvanceToEnd();
                if (_lineLength > maxLineLength)
                {
                    LineLimitExceeded = true;
                }
            }
        }
        buffer = buffer.Slice(reader.Position);
        return finished;
    }

    private void EndLine()
    {
        if (_dotAfterBareLf && _lineLength == 1)
        {
            BareLfDotLines++;
        }
        _inLine = false;
        _dotAfterBareLf = false;
        _previousWasCr = false;
        LongestLine = Math.Max(LongestLine, _lineLength);
        if (_lineLength > RfcMaxLineLength)
        {
            LongLines++;
        }
        if (_lineLength > maxLineLength)
        {
            LineLimitExceeded = true;
        }
        _lineLength = 0;
    }

    private static byte LastBeforeLf(in ReadOnlySequence<byte> lineWithLf)
        => lineWithLf.Slice(lineWithLf.Length - 2, 1).FirstSpan[0];

    private void Emit(in ReadOnlySequence<byte> bytes, SpooledContent output)
    {
        Size += bytes.Length;
        if (SizeExceeded || LineLimitExceeded)
        {
            return;
        }
        if (maxSize > 0 && Size > maxSize)
        {
            SizeExceeded = true;
            return;
        }
        output.Write(bytes);
    }
}
