using System.Text;

namespace MailCatcher.Tests.Hardening;

/// <summary>Hostile raw messages (issue 16), built in memory with CRLF line ends and no line starting with ".".</summary>
public static class HostileMail
{
    private static byte[] Ascii(StringBuilder text) => Encoding.ASCII.GetBytes(text.ToString());

    private static StringBuilder Top(string subject) =>
        new StringBuilder().Append("From: hostile@example.com\r\nTo: bob@example.com\r\nSubject: ").Append(subject).Append("\r\nMIME-Version: 1.0\r\n");

    /// <summary>multipart/mixed inside multipart/mixed, <paramref name="depth"/> levels, a text leaf at the bottom.</summary>
    public static byte[] NestedMultipart(int depth)
    {
        var text = Top($"nested {depth} deep");
        for (var i = 0; i < depth; i++)
        {
            text.Append("Content-Type: multipart/mixed; boundary=\"b").Append(i).Append("\"\r\n\r\n--b").Append(i).Append("\r\n");
        }
        text.Append("Content-Type: text/plain\r\n\r\nthe bottom\r\n");
        for (var i = depth - 1; i >= 0; i--)
        {
            text.Append("--b").Append(i).Append("--\r\n");
        }
        return Ascii(text);
    }

    /// <summary>message/rfc822 inside message/rfc822, <paramref name="depth"/> levels.</summary>
    public static byte[] NestedMessages(int depth)
    {
        var text = Top($"messages {depth} deep");
        for (var i = 0; i < depth; i++)
        {
            text.Append("Content-Type: message/rfc822\r\n\r\nSubject: level ").Append(i).Append("\r\n");
        }
        return Ascii(text.Append("Content-Type: text/plain\r\n\r\nthe bottom\r\n"));
    }

    /// <summary>A header block of about <paramref name="bytes"/> octets of 100-octet fields, then a short body.</summary>
    public static byte[] HugeHeader(int bytes)
    {
        var text = Top("huge header");
        var filler = new string('h', 80);
        for (var i = 0; text.Length < bytes; i++)
        {
            text.Append("X-Filler-").Append(i.ToString("D7")).Append(": ").Append(filler).Append("\r\n");
        }
        return Ascii(text.Append("Content-Type: text/plain\r\n\r\nbody after a huge header\r\n"));
    }

    /// <summary>One multipart/mixed with <paramref name="count"/> one-octet attachments.</summary>
    public static byte[] ManyParts(int count)
    {
        var text = Top($"{count} parts").Append("Content-Type: multipart/mixed; boundary=\"p\"\r\n\r\n");
        for (var i = 0; i < count; i++)
        {
            text.Append("--p\r\nContent-Type: application/octet-stream\r\n\r\nx\r\n");
        }
        return Ascii(text.Append("--p--\r\n"));
    }

    /// <summary>The smallest parts there are, ten octets each: a million of them make a 10 MB message.</summary>
    public static byte[] TinyParts(int count)
    {
        var text = Top($"{count} tiny parts").Append("Content-Type: multipart/mixed; boundary=\"p\"\r\n\r\n");
        for (var i = 0; i < count; i++)
        {
            text.Append("--p\r\n\r\nx\r\n");
        }
        return Ascii(text.Append("--p--\r\n"));
    }

    /// <summary>An HTML body of <paramref name="decodedBytes"/> octets sent as base64 (76-character lines).</summary>
    public static byte[] Base64Html(int decodedBytes)
    {
        var html = new StringBuilder(decodedBytes + 100).Append("<html><body>");
        while (html.Length < decodedBytes)
        {
            html.Append("<p><b>x</b><img src=\"https://tracker.example/p.gif\"></p>");
        }
        var encoded = Convert.ToBase64String(Encoding.ASCII.GetBytes(html.ToString()), Base64FormattingOptions.InsertLineBreaks);
        var text = Top("base64 html").Append("Content-Type: text/html; charset=utf-8\r\nContent-Transfer-Encoding: base64\r\n\r\n");
        return Ascii(text.Append(encoded).Append("\r\n"));
    }

    /// <summary>Unknown charsets and transfer encodings, broken base64 and quoted-printable, undecodable encoded-words, 8-bit junk in headers.</summary>
    public static byte[] BadEncodings()
    {
        var head = "From: =?x-no-such-charset?B?////?= <a@example.com>\r\nTo: bob@example.com\r\nSubject: =?utf-8?Q?=FF=FE=?= \xff\xfe raw 8-bit\r\nMIME-Version: 1.0\r\n"
            + "Content-Type: multipart/mixed; boundary=\"e\"; charset=\"\xc3\x28\"\r\n\r\n"
            + "--e\r\nContent-Type: text/plain; charset=x-no-such-charset\r\nContent-Transfer-Encoding: x-bogus\r\n\r\n\xe9\xe8 text\r\n"
            + "--e\r\nContent-Type: text/html; charset=utf-7\r\nContent-Transfer-Encoding: base64\r\n\r\n!!!not base64 at all@@@\r\n"
            + "--e\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n=ZZ=\r\n=E2=82 =C3\r\n"
            + "--e\r\nContent-Type: image/png; name*=x-bogus''%FF%FE\r\nContent-Transfer-Encoding: uuencode\r\n\r\nbegin 644\r\nnot uu\r\n"
            + "--e--\r\n";
        return Encoding.Latin1.GetBytes(head);
    }

    /// <summary>NUL octets in a header value and throughout the body.</summary>
    public static byte[] NulBytes() => Encoding.Latin1.GetBytes(
        "From: a@example.com\r\nTo: bob@example.com\r\nSubject: nul\0in\0subject\r\nX-Nul: \0\0\0\r\n\r\nbody\0with\0NULs\r\n\0\0\0\0\r\n");

    /// <summary>A whole message on one line of <paramref name="length"/> octets (no header/body separator), ended by the CRLF that ends DATA.</summary>
    public static byte[] OneLine(int length)
    {
        var line = new StringBuilder("Subject: one line ", length + 2);
        while (line.Length < length)
        {
            line.Append("word ");
        }
        line.Length = length;
        return Ascii(line.Append("\r\n"));
    }
}
