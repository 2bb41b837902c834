using System.Buffers;
using MailCatcher.Protocols.Imap;

namespace MailCatcher.Fuzz.Targets;

/// <summary>
/// IMAP's view of a stored message (RFC 3501 §7.4.2): BODY, BODYSTRUCTURE and ENVELOPE, and the
/// first parts' sections. No exception is documented (an unparseable message is one opaque part).
/// The written structure must be well-formed: parentheses balanced outside quoted strings and literals.
/// </summary>
internal static class ImapBodyStructureTarget
{
    public static void Run(byte[] input)
    {
        var message = ImapMimeMessage.Parse(input);
        foreach (var extensible in new[] { false, true })
        {
            var output = new ArrayBufferWriter<byte>();
            ImapBodyStructure.Write(output, message, extensible);
            CheckBalanced(output.WrittenSpan, extensible ? "BODYSTRUCTURE" : "BODY");
        }
        var envelope = new ArrayBufferWriter<byte>();
        ImapBodyStructure.WriteEnvelope(envelope, message.Message);
        CheckBalanced(envelope.WrittenSpan, "ENVELOPE");
        foreach (var part in new[] { Array.Empty<int>(), [1], [1, 1], [2], [1, 2, 1] })
        {
            foreach (var text in Enum.GetValues<ImapSectionText>())
            {
                var section = message.Section(part, text, ["Subject", "From"]);
                if (section.Length > input.Length && text is not (ImapSectionText.HeaderFields or ImapSectionText.HeaderFieldsNot))
                {
                    throw new InvariantException($"section {string.Join('.', part)} {text} is longer than the message");
                }
            }
        }
    }

    /// <summary>RFC 3501 §4: skips quoted strings (with \ escapes) and {n} CRLF literals.</summary>
    private static void CheckBalanced(ReadOnlySpan<byte> written, string what)
    {
        var depth = 0;
        for (var i = 0; i < written.Length; i++)
        {
            switch (written[i])
            {
                case (byte)'"':
                    i++;
                    while (i < written.Length && written[i] != (byte)'"')
                    {
                        i += written[i] == (byte)'\\' ? 2 : 1;
                    }
                    if (i >= written.Length)
                    {
                        throw new InvariantException($"{what}: unterminated quoted string");
                    }
                    break;
                case (byte)'{':
                    var close = written[i..].IndexOf((byte)'}');
                    var size = int.Parse(written.Slice(i + 1, close - 1), provider: System.Globalization.CultureInfo.InvariantCulture);
                    i += close + 2 + size; // "}" CRLF then the octets
                    break;
                case (byte)'(':
                    depth++;
                    break;
                case (byte)')':
                    if (--depth < 0)
                    {
                        throw new InvariantException($"{what}: unbalanced ')'");
                    }
                    break;
                case (byte)'\r' or (byte)'\n' or 0:
                    throw new InvariantException($"{what}: a CR, LF or NUL outside a literal");
            }
        }
        if (depth != 0)
        {
            throw new InvariantException($"{what}: {depth} unclosed '('");
        }
    }
}
