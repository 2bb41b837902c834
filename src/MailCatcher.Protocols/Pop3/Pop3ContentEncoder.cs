using System.Buffers;

namespace MailCatcher.Protocols.Pop3;

/// <summary>
/// Turns message bytes into a POP3 multi-line response body (RFC 1939 §3): a line that begins
/// with "." gets one more "."; TOP (§7) stops after the header, the blank line and N body lines.
/// Pure and incremental: feed chunks, then <see cref="Finish"/> adds the final CRLF (if the
/// message lacks one) and the ".CRLF" terminator.
/// </summary>
public sealed class Pop3ContentEncoder(int? bodyLines = null)
{
    private bool _lineStart = true;
    private bool _inHeader = true;
    private int _lineLength;
    private int _remaining = bodyLines ?? -1;
    private bool _stopped;
    private byte _last = (byte)'\n';
    private bool _any;

    /// <summary>Encodes <paramref name="chunk"/> into <paramref name="output"/>; false once TOP has all it needs.</summary>
    public bool Write(ReadOnlySpan<byte> chunk, IBufferWriter<byte> output)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (_stopped)
        {
            return false;
        }
        var span = output.GetSpan((chunk.Length * 2) + 2);
        var written = 0;
        foreach (var b in chunk)
        {
            if (_lineStart && b == (byte)'.')
            {
                span[written++] = (byte)'.';
            }
            span[written++] = b;
            _last = b;
            _any = true;
            if (b == (byte)'\n')
            {
                _lineStart = true;
                if (_inHeader)
                {
                    if (_lineLength == 0)
                    {
                        _inHeader = false;
                        _stopped = _remaining == 0;
                    }
                }
                else if (_remaining > 0 && --_remaining == 0)
                {
                    _stopped = true;
                }
                _lineLength = 0;
                if (_stopped)
                {
                    break;
                }
            }
            else
            {
                _lineStart = false;
                if (b != (byte)'\r')
                {
                    _lineLength++;
                }
            }
        }
        output.Advance(written);
        return !_stopped;
    }

    /// <summary>Ends the response: CRLF if the content did not end with a line break, then ".CRLF".</summary>
    public void Finish(IBufferWriter<byte> output)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (_any && _last != (byte)'\n')
        {
            output.Write("\r\n"u8);
        }
        output.Write(".\r\n"u8);
    }
}
