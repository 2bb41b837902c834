using MailCatcher.Protocols.Imap;

namespace MailCatcher.Fuzz.Targets;

/// <summary>
/// IMAP arguments as the session reads them (RFC 3501 §9): tag, command name, then FETCH items,
/// a SEARCH program or a sequence set. <see cref="ImapSyntaxException"/> (answered BAD) and
/// <see cref="ImapSearchCharsetException"/> (BADCHARSET) are the documented failures.
/// </summary>
internal static class ImapArgumentsTarget
{
    public static void Run(byte[] input)
    {
        if (input.Length == 0)
        {
            return;
        }
        var reader = new ImapArgumentReader(input[1..]);
        try
        {
            switch (input[0] % 4)
            {
                case 0:
                    _ = ImapFetchParser.Parse(reader);
                    break;
                case 1:
                    _ = ImapSearchParser.Parse(reader);
                    break;
                case 2:
                    _ = ImapSequenceSet.TryParse(reader.ReadAtom(), out var set) && set.Contains(1, 10);
                    break;
                default:
                    _ = reader.ReadAString();
                    while (reader.TrySpace())
                    {
                        _ = reader.ReadListMailbox();
                    }
                    break;
            }
        }
        catch (ImapSyntaxException)
        {
        }
        catch (ImapSearchCharsetException)
        {
        }
    }
}
