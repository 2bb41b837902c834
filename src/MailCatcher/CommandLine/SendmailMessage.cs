using System.Globalization;
using System.Text;
using MimeKit;
using MimeKit.Utils;

namespace MailCatcher.CommandLine;

/// <summary>
/// The message <c>mailcatcher sendmail</c> read from standard input, made ready for SMTP the way
/// sendmail does it: line ends become CRLF (RFC 5321 §2.3.8), a leading mbox "From " line is
/// dropped, without <c>-i</c> a line holding only "." ends the input, with <c>-t</c> the To, Cc
/// and Bcc headers name recipients and Bcc is removed, and a missing From, Date or Message-ID
/// (RFC 5322 §3.6) is added at the end of the header. Every other byte is passed on unchanged.
/// </summary>
internal sealed class SendmailMessage
{
    private static readonly string[] RecipientHeaders = ["To", "Cc", "Bcc"];

    private SendmailMessage(byte[] content, IReadOnlyList<string> headerRecipients)
    {
        Content = content;
        HeaderRecipients = headerRecipients;
    }

    /// <summary>The message as it goes after DATA: CRLF line ends, ending in CRLF, not yet dot-stuffed.</summary>
    public byte[] Content { get; }

    /// <summary>With <c>-t</c>, the addresses in To, Cc and Bcc, in order; otherwise empty.</summary>
    public IReadOnlyList<string> HeaderRecipients { get; }

    /// <summary>Whether any byte is outside US-ASCII, so the server must be told BODY=8BITMIME (RFC 6152).</summary>
    public bool IsEightBit => Content.AsSpan().IndexOfAnyExceptInRange((byte)0, (byte)127) >= 0;

    public static SendmailMessage Parse(ReadOnlySpan<byte> input, SendmailArguments arguments, string sender, DateTimeOffset now, string hostName)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        var lines = SplitLines(input, arguments.IgnoreDots);
        if (lines.Count > 0 && lines[0].AsSpan().StartsWith("From "u8))
        {
            lines.RemoveAt(0);
        }

        var headerEnd = 0;
        while (headerEnd < lines.Count && IsHeaderLine(lines[headerEnd], headerEnd > 0))
        {
            headerEnd++;
        }
        var fields = GroupFields(lines, headerEnd);
        var recipients = new List<string>();
        if (arguments.RecipientsFromHeaders)
        {
            foreach (var field in fields.Where(f => RecipientHeaders.Contains(f.Name, StringComparer.OrdinalIgnoreCase)))
            {
                recipients.AddRange(Addresses(field.Value));
            }
        }

        var output = new MemoryStream(input.Length + 256);
        foreach (var field in fields)
        {
            // RFC 5322 §3.6.3: Bcc recipients must not be shown to the others.
            if (arguments.RecipientsFromHeaders && field.Name.Equals("Bcc", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }
            foreach (var line in lines.Skip(field.FirstLine).Take(field.LineCount))
            {
                WriteLine(output, line);
            }
        }
        bool Has(string name) => fields.Any(f => f.Name.Equals(name, StringComparison.OrdinalIgnoreCase));
        if (!Has("From"))
        {
            var from = arguments.FullName is { Length: > 0 } name ? new MailboxAddress(name, sender).ToString(true) : sender;
            WriteLine(output, Encoding.UTF8.GetBytes($"From: {from}"));
        }
        if (!Has("Date"))
        {
            WriteLine(output, Encoding.ASCII.GetBytes($"Date: {DateUtils.FormatDate(now)}"));
        }
        if (!Has("Message-ID"))
        {
            WriteLine(output, Encoding.ASCII.GetBytes(string.Create(CultureInfo.InvariantCulture, $"Message-ID: <{now.ToUnixTimeMilliseconds()}.{Guid.NewGuid():N}@{hostName}>")));
        }
        if (headerEnd < lines.Count && lines[headerEnd].Length != 0)
        {
            // The input had no empty line between its header and body; RFC 5322 §2.1 needs one.
            WriteLine(output, []);
        }
        foreach (var line in lines.Skip(headerEnd))
        {
            WriteLine(output, line);
        }
        return new SendmailMessage(output.ToArray(), recipients);
    }

    /// <summary>Addresses in an address list (RFC 5322 §3.4), groups flattened; text that is no list is taken as one address.</summary>
    public static IEnumerable<string> Addresses(string list)
    {
        if (InternetAddressList.TryParse(ParserOptions.Default, list, out var parsed))
        {
            return parsed.Mailboxes.Select(m => m.Address).Where(a => a.Length > 0);
        }
        var trimmed = list.Trim();
        return trimmed.Length > 0 ? [trimmed] : [];
    }

    private static List<byte[]> SplitLines(ReadOnlySpan<byte> input, bool ignoreDots)
    {
        var lines = new List<byte[]>();
        while (input.Length > 0)
        {
            var end = input.IndexOf((byte)'\n');
            var line = end < 0 ? input : input[..end];
            input = end < 0 ? [] : input[(end + 1)..];
            if (line.EndsWith("\r"u8))
            {
                line = line[..^1];
            }
            // sendmail(8): without -i (-oi), a line holding a single dot ends the message.
            if (!ignoreDots && line.SequenceEqual("."u8))
            {
                break;
            }
            lines.Add(line.ToArray());
        }
        return lines;
    }

    /// <summary>RFC 5322 §2.2: a field is a name of printable characters and a colon; folded lines start with white space.</summary>
    private static bool IsHeaderLine(byte[] line, bool afterFirst)
    {
        if (line.Length == 0)
        {
            return false;
        }
        if (line[0] is (byte)' ' or (byte)'\t')
        {
            return afterFirst;
        }
        var colon = Array.IndexOf(line, (byte)':');
        return colon > 0 && line.AsSpan(0, colon).IndexOfAnyExceptInRange((byte)33, (byte)126) < 0;
    }

    private sealed record Field(string Name, string Value, int FirstLine, int LineCount);

    private static List<Field> GroupFields(List<byte[]> lines, int headerEnd)
    {
        var fields = new List<Field>();
        for (var i = 0; i < headerEnd;)
        {
            var first = i++;
            while (i < headerEnd && lines[i][0] is (byte)' ' or (byte)'\t')
            {
                i++;
            }
            var colon = Array.IndexOf(lines[first], (byte)':');
            var name = Encoding.ASCII.GetString(lines[first], 0, colon);
            var value = string.Join(" ", lines.Skip(first).Take(i - first).Select((l, n) => Encoding.UTF8.GetString(n == 0 ? l.AsSpan(colon + 1) : l)));
            fields.Add(new Field(name, value, first, i - first));
        }
        return fields;
    }

    private static void WriteLine(MemoryStream output, ReadOnlySpan<byte> line)
    {
        output.Write(line);
        output.Write("\r\n"u8);
    }
}
