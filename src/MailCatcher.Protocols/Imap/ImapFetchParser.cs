using System.Globalization;

namespace MailCatcher.Protocols.Imap;

/// <summary>Parses the data items of FETCH (RFC 3501 §6.4.5, §9 "fetch-att"). Pure.</summary>
public static class ImapFetchParser
{
    /// <summary>
    /// RFC 3501 §9: fetch = "FETCH" SP sequence-set SP ("ALL" / "FULL" / "FAST" / fetch-att /
    /// "(" fetch-att *(SP fetch-att) ")"). Reads from just after the sequence set's space.
    /// </summary>
    public static List<ImapFetchItem> Parse(ImapArgumentReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var items = new List<ImapFetchItem>();
        if (reader.TryConsume((byte)'('))
        {
            items.AddRange(ParseOne(reader));
            while (reader.TrySpace())
            {
                items.AddRange(ParseOne(reader));
            }
            reader.Expect((byte)')');
        }
        else
        {
            items.AddRange(ParseOne(reader));
        }
        return items;
    }

    private static IEnumerable<ImapFetchItem> ParseOne(ImapArgumentReader reader)
    {
        var name = ReadName(reader).ToUpperInvariant();
        switch (name)
        {
            case "ALL":
                return [new(ImapFetchKind.Flags), new(ImapFetchKind.InternalDate), new(ImapFetchKind.Rfc822Size), new(ImapFetchKind.Envelope)];
            case "FAST":
                return [new(ImapFetchKind.Flags), new(ImapFetchKind.InternalDate), new(ImapFetchKind.Rfc822Size)];
            case "FULL":
                return [new(ImapFetchKind.Flags), new(ImapFetchKind.InternalDate), new(ImapFetchKind.Rfc822Size), new(ImapFetchKind.Envelope), new(ImapFetchKind.Body)];
            case "FLAGS": return [new(ImapFetchKind.Flags)];
            case "INTERNALDATE": return [new(ImapFetchKind.InternalDate)];
            case "RFC822.SIZE": return [new(ImapFetchKind.Rfc822Size)];
            case "ENVELOPE": return [new(ImapFetchKind.Envelope)];
            case "BODYSTRUCTURE": return [new(ImapFetchKind.BodyStructure)];
            case "UID": return [new(ImapFetchKind.Uid)];
            case "RFC822": return [new(ImapFetchKind.Rfc822)];
            case "RFC822.HEADER": return [new(ImapFetchKind.Rfc822Header)];
            case "RFC822.TEXT": return [new(ImapFetchKind.Rfc822Text)];
            case "BODY" when reader.Peek() != (byte)'[':
                return [new(ImapFetchKind.Body)];
            case "BODY":
            case "BODY.PEEK":
                return [ParseSection(reader, name == "BODY.PEEK")];
            default:
                throw new ImapSyntaxException($"unknown fetch attribute {name}");
        }
    }

    private static string ReadName(ImapArgumentReader reader)
    {
        var chars = new List<char>();
        while (reader.Peek() is { } b && b > 0x20 && b < 0x7F && b is not ((byte)'[' or (byte)'(' or (byte)')'))
        {
            chars.Add((char)b);
            reader.TryConsume(b);
        }
        if (chars.Count == 0)
        {
            throw new ImapSyntaxException("expected a fetch attribute");
        }
        return new string([.. chars]);
    }

    /// <summary>RFC 3501 §9: section = "[" [section-spec] "]", then optional "&lt;" number "." nz-number "&gt;".</summary>
    private static ImapFetchItem ParseSection(ImapArgumentReader reader, bool peek)
    {
        reader.Expect((byte)'[');
        var part = new List<int>();
        var text = ImapSectionText.None;
        List<string>? fields = null;
        while (reader.Peek() is >= (byte)'0' and <= (byte)'9')
        {
            var number = reader.ReadNumber();
            if (number is 0 or > 10_000)
            {
                throw new ImapSyntaxException("bad part number");
            }
            part.Add((int)number);
            if (!reader.TryConsume((byte)'.'))
            {
                break;
            }
        }
        if (reader.Peek() != (byte)']')
        {
            var word = ReadSectionWord(reader);
            text = word switch
            {
                "HEADER" => ImapSectionText.Header,
                "HEADER.FIELDS" => ImapSectionText.HeaderFields,
                "HEADER.FIELDS.NOT" => ImapSectionText.HeaderFieldsNot,
                "TEXT" => ImapSectionText.Text,
                "MIME" when part.Count > 0 => ImapSectionText.Mime,
                _ => throw new ImapSyntaxException($"bad section {word}"),
            };
            if (text is ImapSectionText.HeaderFields or ImapSectionText.HeaderFieldsNot)
            {
                reader.Space();
                reader.Expect((byte)'(');
                fields = [reader.ReadAString().ToUpperInvariant()];
                while (reader.TrySpace())
                {
                    fields.Add(reader.ReadAString().ToUpperInvariant());
                }
                reader.Expect((byte)')');
            }
        }
        reader.Expect((byte)']');
        long? start = null;
        long? length = null;
        if (reader.TryConsume((byte)'<'))
        {
            start = reader.ReadNumber();
            reader.Expect((byte)'.');
            length = reader.ReadNumber();
            if (length == 0)
            {
                throw new ImapSyntaxException("partial size must be non-zero");
            }
            reader.Expect((byte)'>');
        }
        return new ImapFetchItem(ImapFetchKind.Section, part, text, fields, peek, start, length);
    }

    private static string ReadSectionWord(ImapArgumentReader reader)
    {
        var chars = new List<char>();
        while (reader.Peek() is { } b && (b is >= (byte)'A' and <= (byte)'Z' or >= (byte)'a' and <= (byte)'z' || b == (byte)'.'))
        {
            chars.Add(char.ToUpper((char)b, CultureInfo.InvariantCulture));
            reader.TryConsume(b);
        }
        return new string([.. chars]);
    }
}
