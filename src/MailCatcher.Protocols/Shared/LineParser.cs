using System.Buffers;

namespace MailCatcher.Protocols.Shared;

/// <summary>Splits protocol input into lines. Pure: no I/O, no state.</summary>
public static class LineParser
{
    private const byte CR = (byte)'\r';
    private const byte LF = (byte)'\n';

    /// <summary>
    /// Takes the next complete line off the front of <paramref name="buffer"/>. The line excludes
    /// its terminator. A line ended by LF alone (not CRLF) is returned too, with
    /// <paramref name="bareLf"/> set, because real clients send them.
    /// </summary>
    /// <returns>False when the buffer holds no complete line; the buffer is then unchanged.</returns>
    public static bool TryReadLine(ref ReadOnlySequence<byte> buffer, out ReadOnlySequence<byte> line, out bool bareLf)
    {
        var lf = buffer.PositionOf(LF);
        if (lf is null)
        {
            line = default;
            bareLf = false;
            return false;
        }

        var withoutLf = buffer.Slice(0, lf.Value);
        bareLf = withoutLf.IsEmpty || LastByte(withoutLf) != CR;
        line = bareLf ? withoutLf : withoutLf.Slice(0, withoutLf.Length - 1);
        buffer = buffer.Slice(buffer.GetPosition(1, lf.Value));
        return true;
    }

    private static byte LastByte(in ReadOnlySequence<byte> sequence)
    {
        if (sequence.IsSingleSegment)
        {
            return sequence.FirstSpan[^1];
        }
        return sequence.Slice(sequence.Length - 1).FirstSpan[0];
    }
}
