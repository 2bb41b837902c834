using System.Globalization;

namespace MailCatcher.Protocols.Imap;

/// <summary>Parses SEARCH criteria (RFC 3501 §6.4.4, §9 "search-key"). Pure.</summary>
public static class ImapSearchParser
{
    private static readonly Dictionary<string, string> FlagKeys = new(StringComparer.OrdinalIgnoreCase)
    {
        ["ANSWERED"] = @"\Answered",
        ["DELETED"] = @"\Deleted",
        ["DRAFT"] = @"\Draft",
        ["FLAGGED"] = @"\Flagged",
        ["SEEN"] = @"\Seen",
    };

    /// <summary>RFC 3501 §9: search = "SEARCH" [SP "CHARSET" SP astring] 1*(SP search-key). Reads from after "SEARCH SP".</summary>
    public static ImapSearchKey Parse(ImapArgumentReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var keys = new List<ImapSearchKey>();
        var first = true;
        do
        {
            if (first && reader.Peek() is (byte)'C' or (byte)'c')
            {
                var word = reader.ReadToken();
                if (word.Equals("CHARSET", StringComparison.OrdinalIgnoreCase))
                {
                    reader.Space();
                    var charset = reader.ReadAString();
                    if (!charset.Equals("UTF-8", StringComparison.OrdinalIgnoreCase) && !charset.Equals("US-ASCII", StringComparison.OrdinalIgnoreCase))
                    {
                        throw new ImapSearchCharsetException(charset);
                    }
                    first = false;
                    continue;
                }
                keys.Add(ParseKeyword(word, reader));
                first = false;
                continue;
            }
            first = false;
            keys.Add(ParseKey(reader));
        }
        while (reader.TrySpace());
        reader.ExpectEnd();
        return keys.Count == 1 ? keys[0] : new ImapSearchKey(ImapSearchOp.And, Children: keys);
    }

    private static ImapSearchKey ParseKey(ImapArgumentReader reader)
    {
        if (reader.TryConsume((byte)'('))
        {
            var keys = new List<ImapSearchKey> { ParseKey(reader) };
            while (reader.TrySpace())
            {
                keys.Add(ParseKey(reader));
            }
            reader.Expect((byte)')');
            return new ImapSearchKey(ImapSearchOp.And, Children: keys);
        }
        return ParseKeyword(reader.ReadToken(), reader);
    }

    private static ImapSearchKey ParseKeyword(string word, ImapArgumentReader reader)
    {
        if (word.Length > 0 && (char.IsAsciiDigit(word[0]) || word[0] == '*'))
        {
            return ImapSequenceSet.TryParse(word, out var seq)
                ? new ImapSearchKey(ImapSearchOp.SequenceSet, Set: seq)
                : throw new ImapSyntaxException("bad sequence set");
        }
        var upper = word.ToUpperInvariant();
        if (FlagKeys.TryGetValue(upper, out var flag))
        {
            return new ImapSearchKey(ImapSearchOp.Flag, Text: flag);
        }
        if (upper.StartsWith("UN", StringComparison.Ordinal) && FlagKeys.TryGetValue(upper[2..], out var unflag))
        {
            return new ImapSearchKey(ImapSearchOp.NotFlag, Text: unflag);
        }
        switch (upper)
        {
            case "ALL": return new ImapSearchKey(ImapSearchOp.All);
            case "NEW": return new ImapSearchKey(ImapSearchOp.New);
            case "OLD": return new ImapSearchKey(ImapSearchOp.Old);
            case "RECENT": return new ImapSearchKey(ImapSearchOp.Recent);
            case "NOT":
                reader.Space();
                return new ImapSearchKey(ImapSearchOp.Not, Children: [ParseKey(reader)]);
            case "OR":
                reader.Space();
                var left = ParseKey(reader);
                reader.Space();
                return new ImapSearchKey(ImapSearchOp.Or, Children: [left, ParseKey(reader)]);
            case "UID":
                reader.Space();
                return ImapSequenceSet.TryParse(reader.ReadToken(), out var uids)
                    ? new ImapSearchKey(ImapSearchOp.Uid, Set: uids)
                    : throw new ImapSyntaxException("bad UID set");
            case "KEYWORD": return new ImapSearchKey(ImapSearchOp.Keyword, Text: Argument(reader));
            case "UNKEYWORD": return new ImapSearchKey(ImapSearchOp.NotKeyword, Text: Argument(reader));
            case "FROM": return new ImapSearchKey(ImapSearchOp.From, Text: Argument(reader));
            case "TO": return new ImapSearchKey(ImapSearchOp.To, Text: Argument(reader));
            case "CC": return new ImapSearchKey(ImapSearchOp.Cc, Text: Argument(reader));
            case "BCC": return new ImapSearchKey(ImapSearchOp.Bcc, Text: Argument(reader));
            case "SUBJECT": return new ImapSearchKey(ImapSearchOp.Subject, Text: Argument(reader));
            case "BODY": return new ImapSearchKey(ImapSearchOp.BodyText, Text: Argument(reader));
            case "TEXT": return new ImapSearchKey(ImapSearchOp.Text, Text: Argument(reader));
            case "HEADER":
                var field = Argument(reader);
                return new ImapSearchKey(ImapSearchOp.Header, Field: field, Text: Argument(reader));
            case "BEFORE": return new ImapSearchKey(ImapSearchOp.Before, Date: DateArgument(reader));
            case "ON": return new ImapSearchKey(ImapSearchOp.On, Date: DateArgument(reader));
            case "SINCE": return new ImapSearchKey(ImapSearchOp.Since, Date: DateArgument(reader));
            case "SENTBEFORE": return new ImapSearchKey(ImapSearchOp.SentBefore, Date: DateArgument(reader));
            case "SENTON": return new ImapSearchKey(ImapSearchOp.SentOn, Date: DateArgument(reader));
            case "SENTSINCE": return new ImapSearchKey(ImapSearchOp.SentSince, Date: DateArgument(reader));
            case "LARGER":
                reader.Space();
                return new ImapSearchKey(ImapSearchOp.Larger, Number: reader.ReadNumber());
            case "SMALLER":
                reader.Space();
                return new ImapSearchKey(ImapSearchOp.Smaller, Number: reader.ReadNumber());
            default:
                throw new ImapSyntaxException($"unknown search key {word}");
        }
    }

    private static string Argument(ImapArgumentReader reader)
    {
        reader.Space();
        return reader.ReadAString();
    }

    /// <summary>RFC 3501 §9: date = date-text / DQUOTE date-text DQUOTE; date-text = date-day "-" date-month "-" date-year.</summary>
    private static DateOnly DateArgument(ImapArgumentReader reader)
    {
        var text = Argument(reader);
        return DateOnly.TryParseExact(text, ["d-MMM-yyyy", "dd-MMM-yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw new ImapSyntaxException($"bad date {text}");
    }
}
