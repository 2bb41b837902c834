using System.Buffers;
using System.Globalization;
using System.Text;

namespace MailCatcher.Protocols.Imap;

/// <summary>
/// Writes IMAP response syntax (RFC 3501 §4). A string goes out quoted when that is exact —
/// 7-bit, no CR, LF or NUL — and as a literal otherwise, so UTF-8 header values, quotes,
/// backslashes and CRLF inside encoded words always reach the client intact. Long 7-bit values
/// stay quoted: clients cap literals inside ENVELOPE (MailKit at 4 KB) but not quoted strings,
/// and the corpus has a 200 KB Subject.
/// </summary>
public static class ImapWriter
{
    public static void Ascii(IBufferWriter<byte> output, string text)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(text);
        var span = output.GetSpan(text.Length);
        var written = Encoding.ASCII.GetBytes(text, span);
        output.Advance(written);
    }

    public static void Number(IBufferWriter<byte> output, long value) => Ascii(output, value.ToString(CultureInfo.InvariantCulture));

    /// <summary>RFC 3501 §4.5 NIL, or the string.</summary>
    public static void NString(IBufferWriter<byte> output, string? value)
    {
        if (value is null)
        {
            Ascii(output, "NIL");
            return;
        }
        Text(output, Encoding.UTF8.GetBytes(value));
    }

    public static void Text(IBufferWriter<byte> output, string value) => Text(output, Encoding.UTF8.GetBytes(value));

    /// <summary>RFC 3501 §4.3: quoted when every octet is a QUOTED-CHAR, a literal otherwise.</summary>
    public static void Text(IBufferWriter<byte> output, ReadOnlySpan<byte> value)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (!CanQuote(value))
        {
            Literal(output, value);
            return;
        }
        var span = output.GetSpan((value.Length * 2) + 2);
        var i = 0;
        span[i++] = (byte)'"';
        foreach (var b in value)
        {
            if (b is (byte)'"' or (byte)'\\')
            {
                span[i++] = (byte)'\\';
            }
            span[i++] = b;
        }
        span[i++] = (byte)'"';
        output.Advance(i);
    }

    /// <summary>RFC 3501 §4.3 literal: "{" octet count "}" CRLF, then the octets.</summary>
    public static void Literal(IBufferWriter<byte> output, ReadOnlySpan<byte> value)
    {
        ArgumentNullException.ThrowIfNull(output);
        Ascii(output, string.Create(CultureInfo.InvariantCulture, $"{{{value.Length}}}\r\n"));
        output.Write(value);
    }

    public static bool CanQuote(ReadOnlySpan<byte> value)
    {
        foreach (var b in value)
        {
            if (b is 0 or (byte)'\r' or (byte)'\n' or >= 0x80)
            {
                return false;
            }
        }
        return true;
    }
}
