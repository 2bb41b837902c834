using System.Text;
using MimeKit;

namespace MailCatcher.Protocols.Imap;

/// <summary>BODY[section] (RFC 3501 §6.4.5): which octets a section names.</summary>
public sealed partial class ImapMimeMessage
{
    /// <summary>The octets of a section; empty when the section does not exist (as Dovecot and Cyrus answer).</summary>
    public ReadOnlyMemory<byte> Section(IReadOnlyList<int> part, ImapSectionText text, IReadOnlyList<string>? fields)
    {
        ArgumentNullException.ThrowIfNull(part);
        if (part.Count == 0)
        {
            return OfMessage(Top, text, fields);
        }
        if (Message is null)
        {
            // Opaque text/plain: part 1 is the whole message, it has no MIME header.
            return part is [1] && text == ImapSectionText.None ? Raw : ReadOnlyMemory<byte>.Empty;
        }
        var entity = Resolve(part);
        if (entity is null || RangeOf(entity) is not { } range)
        {
            return ReadOnlyMemory<byte>.Empty;
        }
        switch (text)
        {
            case ImapSectionText.None:
                return Slice(range.ContentStart, range.End);
            case ImapSectionText.Mime:
                return Slice(range.Begin, range.ContentStart);
            default:
                // HEADER, HEADER.FIELDS, TEXT of a part apply to an encapsulated message/rfc822.
                return entity is MessagePart { Message: { } inner } && RangeOf(inner) is { } innerRange
                    ? OfMessage(innerRange, text, fields)
                    : ReadOnlyMemory<byte>.Empty;
        }
    }

    /// <summary>
    /// RFC 3501 §6.4.5: part 1 of a non-multipart message is its body; the parts of a multipart
    /// are numbered from 1; a message/rfc822 part's sub-parts are those of the message it holds.
    /// </summary>
    public MimeEntity? Resolve(IReadOnlyList<int> part)
    {
        ArgumentNullException.ThrowIfNull(part);
        var current = Message?.Body;
        // Part 1 names a non-multipart body only directly under a message, not under another part.
        var underMessage = true;
        for (var step = 0; step < part.Count && current is not null; step++)
        {
            if (step > 0 && current is MessagePart messagePart)
            {
                current = messagePart.Message?.Body;
                underMessage = true;
            }
            var number = part[step];
            current = current switch
            {
                Multipart multipart => number <= multipart.Count ? multipart[number - 1] : null,
                not null when number == 1 && underMessage => current,
                _ => null,
            };
            underMessage = false;
        }
        return current;
    }

    private ReadOnlyMemory<byte> OfMessage(Range range, ImapSectionText text, IReadOnlyList<string>? fields) => text switch
    {
        ImapSectionText.None => Slice(range.Begin, range.End),
        ImapSectionText.Header => Slice(range.Begin, range.ContentStart),
        ImapSectionText.Text => Slice(range.ContentStart, range.End),
        ImapSectionText.HeaderFields => FilterHeader(Slice(range.Begin, range.ContentStart).Span, fields ?? [], keep: true),
        ImapSectionText.HeaderFieldsNot => FilterHeader(Slice(range.Begin, range.ContentStart).Span, fields ?? [], keep: false),
        _ => ReadOnlyMemory<byte>.Empty,
    };

    /// <summary>
    /// RFC 3501 §6.4.5 HEADER.FIELDS: the header lines whose names are (or, with .NOT, are not) in
    /// the list, folded lines kept whole, in their original order, followed by the blank line.
    /// </summary>
    public static byte[] FilterHeader(ReadOnlySpan<byte> header, IReadOnlyList<string> fields, bool keep)
    {
        ArgumentNullException.ThrowIfNull(fields);
        var output = new MemoryStream();
        var include = false;
        while (!header.IsEmpty)
        {
            var lf = header.IndexOf((byte)'\n');
            var line = lf < 0 ? header : header[..(lf + 1)];
            header = lf < 0 ? [] : header[(lf + 1)..];
            if (line.Length <= 2 && line.Trim("\r\n"u8).IsEmpty)
            {
                break; // the blank line that ends the header
            }
            if (line[0] is not ((byte)' ' or (byte)'\t'))
            {
                var colon = line.IndexOf((byte)':');
                var name = colon > 0 ? Encoding.ASCII.GetString(line[..colon]).Trim() : "";
                var listed = fields.Any(f => f.Equals(name, StringComparison.OrdinalIgnoreCase));
                include = colon > 0 && listed == keep;
            }
            if (include)
            {
                output.Write(line);
            }
        }
        output.Write("\r\n"u8);
        return output.ToArray();
    }
}
