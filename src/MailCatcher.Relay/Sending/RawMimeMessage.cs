using MailCatcher.Core.Content;
using MimeKit;

namespace MailCatcher.Relay.Sending;

/// <summary>
/// Wraps a message's exact bytes so that MailKit's <c>SmtpClient</c> sends them unchanged.
/// Left to itself, MailKit writes a <see cref="MimeMessage"/> without <c>Bcc</c>,
/// <c>Resent-Bcc</c> and <c>Content-Length</c> and may re-encode parts (<c>Prepare</c>); a
/// relay must pass the message on as it is (RFC 5321 §2.3.10: the content is not the relay's to
/// change). <see cref="MimeMessage.WriteTo(FormatOptions, Stream, bool, CancellationToken)"/> is
/// not virtual, but it writes each header as field, colon and raw value, then a blank line,
/// then the body entity. So the whole header section travels as the raw value of one header
/// named like the first field, and the body is an entity that copies the raw body bytes.
/// Optional <c>Resent-*</c> fields (RFC 5322 §3.6.6) go in front of the header section.
/// </summary>
internal static class RawMimeMessage
{
    private static readonly byte[] HeaderEnd = "\r\n\r\n"u8.ToArray();

    /// <summary>The message to hand to <c>SmtpClient.SendAsync</c>; null when the bytes have no header section to carry.</summary>
    public static MimeMessage? Create(SpooledContent raw, string resentFields)
    {
        ArgumentNullException.ThrowIfNull(raw);
        var head = ReadHead(raw, out var bodyOffset);
        if (head is null)
        {
            return null;
        }
        var section = System.Text.Encoding.ASCII.GetBytes(resentFields).Concat(head).ToArray();
        var colon = Array.IndexOf(section, (byte)':');
        if (colon <= 0)
        {
            return null;
        }
        var name = System.Text.Encoding.ASCII.GetString(section, 0, colon).TrimEnd();
        if (name.Length == 0 || name.Any(c => c <= ' ' || c > '~'))
        {
            return null;
        }
        var carrier = new Header(name, "x");
        carrier.SetRawValue(section[(colon + 1)..]);
        var message = new MimeMessage();
        message.Headers.Clear();
        message.Headers.Add(carrier);
        message.Body = new RawBody(raw, bodyOffset);
        return message;
    }

    /// <summary>The header section up to and including the CRLF of its last field (without the blank line), and where the body starts.</summary>
    private static byte[]? ReadHead(SpooledContent raw, out long bodyOffset)
    {
        bodyOffset = 0;
        using var stream = raw.OpenRead();
        var buffer = new MemoryStream();
        var window = 0;
        int b;
        while ((b = stream.ReadByte()) >= 0)
        {
            buffer.WriteByte((byte)b);
            window = b == HeaderEnd[window] ? window + 1 : (b == '\r' ? 1 : 0);
            if (window == HeaderEnd.Length)
            {
                bodyOffset = buffer.Length;
                return buffer.ToArray()[..^2];
            }
        }
        return null;
    }

    /// <summary>The body: copies the stored bytes after the header section, untouched.</summary>
    private sealed class RawBody : MimeEntity
    {
        private readonly SpooledContent _raw;
        private readonly long _offset;

        public RawBody(SpooledContent raw, long offset)
            : base(new ContentType("application", "octet-stream"))
        {
            _raw = raw;
            _offset = offset;
            // No fields of its own: the message writes the whole header section, and a body
            // without fields also keeps MimeKit from adding MIME-Version.
            Headers.Clear();
        }

        public override void Prepare(EncodingConstraint constraint, int maxLineLength = 78)
        {
        }

        public override void WriteTo(FormatOptions options, Stream stream, bool contentOnly, CancellationToken cancellationToken = default)
        {
            ArgumentNullException.ThrowIfNull(stream);
            using var source = _raw.OpenRead();
            source.Seek(_offset, SeekOrigin.Begin);
            source.CopyTo(stream, 64 * 1024);
        }

        public override async Task WriteToAsync(FormatOptions options, Stream stream, bool contentOnly, CancellationToken cancellationToken = default)
        {
            ArgumentNullException.ThrowIfNull(stream);
            await using var source = _raw.OpenRead();
            source.Seek(_offset, SeekOrigin.Begin);
            await source.CopyToAsync(stream, 64 * 1024, cancellationToken);
        }
    }
}
