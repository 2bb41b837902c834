using System.Buffers;
using System.Text;
using MimeKit;
using MimeKit.Utils;
using W = MailCatcher.Protocols.Imap.ImapWriter;

namespace MailCatcher.Protocols.Imap;

/// <summary>
/// ENVELOPE and BODY/BODYSTRUCTURE (RFC 3501 §7.4.2) of an <see cref="ImapMimeMessage"/>. Header
/// values are the raw header text, unfolded; anything not 7-bit goes out as a literal.
/// </summary>
public static class ImapBodyStructure
{
    /// <summary>RFC 3501 §7.4.2 BODY (<paramref name="extensible"/> false) or BODYSTRUCTURE (true).</summary>
    public static void Write(IBufferWriter<byte> output, ImapMimeMessage message, bool extensible)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (message.Message?.Body is { } body)
        {
            WriteEntity(output, message, body, extensible);
            return;
        }
        // Unparseable, or no body at all: one opaque text/plain part of the whole content.
        var top = message.Top;
        W.Ascii(output, "(\"TEXT\" \"PLAIN\" (\"CHARSET\" \"US-ASCII\") NIL NIL \"7BIT\" ");
        W.Number(output, top.End - top.ContentStart);
        W.Ascii(output, " ");
        W.Number(output, message.LinesIn(top.ContentStart, top.End));
        W.Ascii(output, extensible ? " NIL NIL NIL NIL)" : ")");
    }

    /// <summary>RFC 3501 §7.4.2 ENVELOPE: date, subject, from, sender, reply-to, to, cc, bcc, in-reply-to, message-id.</summary>
    public static void WriteEnvelope(IBufferWriter<byte> output, MimeMessage? message)
    {
        if (message is null)
        {
            W.Ascii(output, "(NIL NIL NIL NIL NIL NIL NIL NIL NIL NIL)");
            return;
        }
        var headers = message.Headers;
        W.Ascii(output, "(");
        RawNString(output, headers, HeaderId.Date);
        W.Ascii(output, " ");
        RawNString(output, headers, HeaderId.Subject);
        W.Ascii(output, " ");
        Addresses(output, message.From);
        W.Ascii(output, " ");
        // RFC 3501 §7.4.2: an absent or empty Sender or Reply-To takes the value of From.
        Addresses(output, message.Sender is null ? message.From : [message.Sender]);
        W.Ascii(output, " ");
        Addresses(output, message.ReplyTo.Count == 0 ? message.From : message.ReplyTo);
        W.Ascii(output, " ");
        Addresses(output, message.To);
        W.Ascii(output, " ");
        Addresses(output, message.Cc);
        W.Ascii(output, " ");
        Addresses(output, message.Bcc);
        W.Ascii(output, " ");
        RawNString(output, headers, HeaderId.InReplyTo);
        W.Ascii(output, " ");
        RawNString(output, headers, HeaderId.MessageId);
        W.Ascii(output, ")");
    }

    private static void WriteEntity(IBufferWriter<byte> output, ImapMimeMessage message, MimeEntity entity, bool extensible)
    {
        if (entity is Multipart multipart)
        {
            W.Ascii(output, "(");
            if (multipart.Count == 0)
            {
                // RFC 3501 §9 body-type-mpart needs at least one part; a multipart without any gets an empty one.
                W.Ascii(output, "(\"TEXT\" \"PLAIN\" NIL NIL NIL \"7BIT\" 0 0)");
            }
            foreach (var child in multipart)
            {
                WriteEntity(output, message, child, extensible);
            }
            W.Ascii(output, " ");
            W.Text(output, multipart.ContentType.MediaSubtype);
            if (extensible)
            {
                W.Ascii(output, " ");
                Parameters(output, multipart.ContentType.Parameters);
                W.Ascii(output, " ");
                Extensions(output, entity);
            }
            W.Ascii(output, ")");
            return;
        }

        var type = entity.ContentType;
        var range = message.RangeOf(entity) ?? new ImapMimeMessage.Range(0, 0, 0);
        W.Ascii(output, "(");
        W.Text(output, type.MediaType);
        W.Ascii(output, " ");
        W.Text(output, type.MediaSubtype);
        W.Ascii(output, " ");
        Parameters(output, type.Parameters);
        W.Ascii(output, " ");
        RawNString(output, entity.Headers, HeaderId.ContentId);
        W.Ascii(output, " ");
        RawNString(output, entity.Headers, HeaderId.ContentDescription);
        W.Ascii(output, " ");
        W.Text(output, Unfold(entity.Headers, HeaderId.ContentTransferEncoding) is { Length: > 0 } encoding ? Encoding.UTF8.GetString(encoding) : "7BIT");
        W.Ascii(output, " ");
        W.Number(output, range.End - range.ContentStart);
        var lines = message.LinesIn(range.ContentStart, range.End);
        if (entity is MessagePart { Message: { } inner } && type.IsMimeType("message", "rfc822"))
        {
            W.Ascii(output, " ");
            WriteEnvelope(output, inner);
            W.Ascii(output, " ");
            if (inner.Body is { } innerBody)
            {
                WriteEntity(output, message, innerBody, extensible);
            }
            else
            {
                W.Ascii(output, "(\"TEXT\" \"PLAIN\" NIL NIL NIL \"7BIT\" 0 0)");
            }
            W.Ascii(output, " ");
            W.Number(output, lines);
        }
        else if (type.MediaType.Equals("text", StringComparison.OrdinalIgnoreCase))
        {
            W.Ascii(output, " ");
            W.Number(output, lines);
        }
        if (extensible)
        {
            W.Ascii(output, " ");
            RawNString(output, entity.Headers, HeaderId.ContentMd5);
            W.Ascii(output, " ");
            Extensions(output, entity);
        }
        W.Ascii(output, ")");
    }

    /// <summary>body-fld-dsp SP body-fld-lang SP body-fld-loc.</summary>
    private static void Extensions(IBufferWriter<byte> output, MimeEntity entity)
    {
        if (entity.ContentDisposition is { } disposition)
        {
            W.Ascii(output, "(");
            W.Text(output, disposition.Disposition);
            W.Ascii(output, " ");
            Parameters(output, disposition.Parameters);
            W.Ascii(output, ")");
        }
        else
        {
            W.Ascii(output, "NIL");
        }
        W.Ascii(output, " ");
        var language = Unfold(entity.Headers, HeaderId.ContentLanguage);
        if (language is { Length: > 0 })
        {
            var tags = Encoding.UTF8.GetString(language).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            W.Ascii(output, "(");
            for (var i = 0; i < tags.Length; i++)
            {
                W.Ascii(output, i == 0 ? "" : " ");
                W.Text(output, tags[i]);
            }
            W.Ascii(output, ")");
        }
        else
        {
            W.Ascii(output, "NIL");
        }
        W.Ascii(output, " ");
        RawNString(output, entity.Headers, HeaderId.ContentLocation);
    }

    /// <summary>body-fld-param: "(" string SP string *(SP string SP string) ")" / nil. Values are decoded (RFC 2231) and, when not ASCII, re-encoded as RFC 2047 words.</summary>
    private static void Parameters(IBufferWriter<byte> output, ParameterList parameters)
    {
        if (parameters.Count == 0)
        {
            W.Ascii(output, "NIL");
            return;
        }
        W.Ascii(output, "(");
        var first = true;
        foreach (var parameter in parameters)
        {
            W.Ascii(output, first ? "" : " ");
            first = false;
            W.Text(output, parameter.Name);
            W.Ascii(output, " ");
            var value = parameter.Value ?? "";
            W.Text(output, Ascii.IsValid(value) ? value : Encoding.ASCII.GetString(Rfc2047.EncodeText(Encoding.UTF8, value)));
        }
        W.Ascii(output, ")");
    }

    /// <summary>env-from etc.: "(" 1*address ")" / nil; address = "(" name SP adl SP mailbox SP host ")"; groups per RFC 3501 §7.4.2.</summary>
    private static void Addresses(IBufferWriter<byte> output, IEnumerable<InternetAddress> list)
    {
        var any = false;
        foreach (var address in list)
        {
            W.Ascii(output, any ? "" : "(");
            any = true;
            Address(output, address);
        }
        W.Ascii(output, any ? ")" : "NIL");
    }

    private static void Address(IBufferWriter<byte> output, InternetAddress address)
    {
        if (address is GroupAddress group)
        {
            W.Ascii(output, "(NIL NIL ");
            W.Text(output, Phrase(group.Name) ?? "");
            W.Ascii(output, " NIL)");
            foreach (var member in group.Members)
            {
                Address(output, member);
            }
            W.Ascii(output, "(NIL NIL NIL NIL)");
            return;
        }
        var mailbox = (MailboxAddress)address;
        W.Ascii(output, "(");
        W.NString(output, Phrase(mailbox.Name));
        W.Ascii(output, " NIL ");
        W.Text(output, mailbox.LocalPart ?? "");
        W.Ascii(output, " ");
        // A host of NIL would mean a group (RFC 3501 §7.4.2); an address without a domain gets a placeholder, as Dovecot does.
        W.Text(output, string.IsNullOrEmpty(mailbox.Domain) ? "MISSING_DOMAIN" : mailbox.Domain);
        W.Ascii(output, ")");
    }

    private static string? Phrase(string? name) => string.IsNullOrEmpty(name)
        ? null
        : Ascii.IsValid(name) ? name : Encoding.ASCII.GetString(Rfc2047.EncodePhrase(Encoding.UTF8, name));

    private static void RawNString(IBufferWriter<byte> output, HeaderList headers, HeaderId id)
    {
        var value = Unfold(headers, id);
        if (value is null)
        {
            W.Ascii(output, "NIL");
            return;
        }
        W.Text(output, value);
    }

    /// <summary>The raw value of the first such header, CRLFs of folding removed and outer blanks trimmed; null when absent.</summary>
    private static byte[]? Unfold(HeaderList headers, HeaderId id)
    {
        var index = headers.IndexOf(id);
        if (index < 0)
        {
            return null;
        }
        var raw = headers[index].RawValue;
        var unfolded = new List<byte>(raw.Length);
        foreach (var b in raw)
        {
            if (b is not ((byte)'\r' or (byte)'\n'))
            {
                unfolded.Add(b);
            }
        }
        var span = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(unfolded).Trim(" \t"u8);
        return span.ToArray();
    }
}
