using MimeKit;
using MimeKit.Utils;

namespace MailCatcher.Checks.SenderRules;

/// <summary>From, Date and Message-ID present and well formed (RFC 5322 §3.6), and header bytes that are 7-bit or RFC 2047 encoded.</summary>
internal static class HeaderRules
{
    private const string Rfc5322 = "https://www.rfc-editor.org/rfc/rfc5322#section-3.6";

    public static IEnumerable<CheckItem> Check(MimeMessage message)
    {
        yield return From(message);
        yield return Date(message);
        yield return MessageId(message);
        yield return Encoding(message);
    }

    /// <summary>RFC 5322 §3.6.2: exactly one From field; more than one mailbox requires a Sender.</summary>
    private static CheckItem From(MimeMessage message)
    {
        var fields = message.Headers.Where(h => h.Id == HeaderId.From).ToList();
        if (fields.Count == 0)
        {
            return Fail("From header", "The message has no From header; RFC 5322 §3.6 requires one and Gmail and Yahoo reject mail without it.",
                "Set a From address on the message.");
        }
        if (fields.Count > 1)
        {
            return Fail("From header", $"The message has {fields.Count} From headers; RFC 5322 §3.6 allows one, and DMARC receivers reject such mail.",
                "Send a single From header.");
        }
        var value = Text(fields[0]);
        if (!InternetAddressList.TryParse(value, out var list) || list.Mailboxes.FirstOrDefault() is not { } first || !first.Address.Contains('@', StringComparison.Ordinal))
        {
            return Fail("From header", $"The From header \"{value}\" is not a valid mailbox (RFC 5322 §3.4).", "Use name <local@domain> or local@domain.");
        }
        if (list.Mailboxes.Count() > 1 && !message.Headers.Contains(HeaderId.Sender))
        {
            return Fail("From header", "From names several mailboxes without a Sender header (RFC 5322 §3.6.2).", "Use one From mailbox, or add a Sender header.");
        }
        return Pass("From header", $"From is {first.Address}, a well-formed mailbox.");
    }

    /// <summary>RFC 5322 §3.6.1: the origination date is required and must be a date-time.</summary>
    private static CheckItem Date(MimeMessage message)
    {
        if (message.Headers[HeaderId.Date] is not { } raw)
        {
            return Fail("Date header", "The message has no Date header; RFC 5322 §3.6 requires one, and receivers score its absence as spam.",
                "Let your mail library set Date when it sends.");
        }
        if (!DateUtils.TryParse(raw, out var date))
        {
            return Fail("Date header", $"The Date header \"{raw.Trim()}\" is not an RFC 5322 §3.3 date-time.", "Format it like \"Tue, 1 Jul 2025 10:00:00 +0000\".");
        }
        return Pass("Date header", $"Date is {date:u}, a valid RFC 5322 date-time.");
    }

    /// <summary>RFC 5322 §3.6.4: msg-id is "&lt;" id-left "@" id-right "&gt;"; Gmail requires it of bulk senders.</summary>
    private static CheckItem MessageId(MimeMessage message)
    {
        if (message.Headers[HeaderId.MessageId] is not { } raw)
        {
            return Fail("Message-ID header", "The message has no Message-ID; RFC 5322 §3.6.4 says it should, and Gmail requires one of bulk senders.",
                "Have the sending library generate a Message-ID such as <unique@your-domain>.");
        }
        var id = raw.Trim();
        var at = id.IndexOf('@', StringComparison.Ordinal);
        var wellFormed = id.Length > 4 && id[0] == '<' && id[^1] == '>' && at > 1 && at < id.Length - 2
            && id.LastIndexOf('@') == at && !id.Any(c => char.IsWhiteSpace(c) || c > '~');
        return wellFormed
            ? Pass("Message-ID header", $"Message-ID {id} is well formed.")
            : Fail("Message-ID header", $"The Message-ID \"{id}\" is not of the form <left@right> (RFC 5322 §3.6.4).",
                "Generate it as <unique-part@your-domain>, angle brackets included.");
    }

    /// <summary>
    /// RFC 5322 §2.2 allows only US-ASCII in header fields; other text is encoded with RFC 2047
    /// encoded-words. Raw UTF-8 is allowed only when the message travels with SMTPUTF8 (RFC 6532),
    /// which a receiver without it may refuse or mangle. The raw bytes are looked at, not MimeKit's decoding.
    /// </summary>
    private static CheckItem Encoding(MimeMessage message)
    {
        var eightBit = message.Headers.Where(h => h.RawValue.Any(b => b >= 0x80)).Select(h => h.Field).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (eightBit.Count > 0)
        {
            return new CheckItem(CheckSeverity.Warn, "Header encoding",
                $"{string.Join(", ", eightBit)} {(eightBit.Count == 1 ? "holds" : "hold")} raw 8-bit bytes. That is only valid for mail sent with SMTPUTF8 (RFC 6532); other receivers show garbage or reject it.",
                "Encode non-ASCII header text as RFC 2047 encoded-words (=?UTF-8?B?...?=), which mail libraries do when told the charset.",
                string.Join(", ", eightBit), Url: new Uri("https://www.rfc-editor.org/rfc/rfc2047"));
        }
        var broken = message.Headers.Where(h => HasBrokenEncodedWord(h.RawValue)).Select(h => h.Field).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (broken.Count > 0)
        {
            return new CheckItem(CheckSeverity.Warn, "Header encoding",
                $"{string.Join(", ", broken)} {(broken.Count == 1 ? "has" : "have")} an encoded-word that does not decode (unknown charset or encoding, or a bad sequence), so clients show it raw.",
                "Use =?UTF-8?B?...?= or =?UTF-8?Q?...?= with valid content.", string.Join(", ", broken), Url: new Uri("https://www.rfc-editor.org/rfc/rfc2047"));
        }
        return Pass("Header encoding", "Every header is US-ASCII; non-ASCII text, if any, is RFC 2047 encoded.");
    }

    /// <summary>An RFC 2047 encoded-word whose charset or encoding is unknown, or which decodes to nothing.</summary>
    private static bool HasBrokenEncodedWord(byte[] raw)
    {
        var text = System.Text.Encoding.ASCII.GetString(raw);
        var start = text.IndexOf("=?", StringComparison.Ordinal);
        if (start < 0)
        {
            return false;
        }
        foreach (var word in text[start..].Split([' ', '\t', '\r', '\n', '"', '(', ')'], StringSplitOptions.RemoveEmptyEntries))
        {
            if (!word.StartsWith("=?", StringComparison.Ordinal) || !word.EndsWith("?=", StringComparison.Ordinal))
            {
                continue;
            }
            var parts = word[2..^2].Split('?');
            if (parts.Length != 3 || parts[1].ToUpperInvariant() is not ("B" or "Q"))
            {
                return true;
            }
            try
            {
                // MimeKit registers the code-page encodings; RFC 2231 §5 allows charset*language.
                _ = System.Text.Encoding.GetEncoding(parts[0].Split('*')[0]);
            }
            catch (Exception e) when (e is NotSupportedException or ArgumentException)
            {
                return true;
            }
        }
        return false;
    }

    private static string Text(Header header)
    {
        try
        {
            return header.Value ?? "";
        }
        catch (FormatException)
        {
            return System.Text.Encoding.Latin1.GetString(header.RawValue).Trim();
        }
    }

    private static CheckItem Pass(string what, string why) => new(CheckSeverity.Pass, what, why, Url: new Uri(Rfc5322));

    private static CheckItem Fail(string what, string why, string fix) => new(CheckSeverity.Fail, what, why, fix, what, Url: new Uri(Rfc5322));
}
