using System.Buffers;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using MailCatcher.Core.Messages;
using MailCatcher.Core.Mime;
using MimeKit;

namespace MailCatcher.Storage.Ingest;

/// <summary>
/// Reads the summary columns out of a raw message with MimeKit. Never throws for bad mail:
/// a message MimeKit cannot parse still gets a summary (from its first bytes) and the error.
/// </summary>
public static partial class SummaryParser
{
    public const int SnippetLength = 200;

    /// <summary>How much body text is indexed for search; the rest of a huge message is not searchable.</summary>
    public const int MaxSearchText = 256 * 1024;

    /// <param name="raw">The raw message, positioned at its start.</param>
    /// <param name="persistent">True when <paramref name="raw"/> is a seekable file that outlives parsing, so MimeKit can reference part content instead of copying it.</param>
    /// <param name="keepHeaders">Header fields to copy into <see cref="ParsedSummary.Headers"/> (inbox routing rules).</param>
    public static ParsedSummary Parse(Stream raw, bool persistent, IReadOnlyCollection<string>? keepHeaders = null)
    {
        ArgumentNullException.ThrowIfNull(raw);
        MimeMessage message;
        try
        {
            // Persistent content references this stream after parsing, so it is not disposed here.
            var parser = new MimeParser(new PartLimitedStream(raw, leaveOpen: true), MimeFormat.Entity, persistent);
            message = parser.ParseMessage();
        }
        catch (FormatException e)
        {
            raw.Position = 0;
            return Unparsable(raw, e.Message);
        }

        using var parsed = message; // MimeKit content left undisposed costs the finalizer thread dearly
        var body = BodyText(message);
        return new ParsedSummary(
            message.From.Mailboxes.Select(ToAddress).FirstOrDefault(),
            [.. message.To.Mailboxes.Select(ToAddress)],
            [.. message.Cc.Mailboxes.Select(ToAddress)],
            message.Subject ?? "",
            message.Headers.Contains(HeaderId.Date) && message.Date != DateTimeOffset.MinValue ? message.Date.UtcDateTime : null,
            message.MessageId,
            Shorten(body),
            message.Attachments.Count(),
            null)
        {
            BodyText = body,
            Headers = KeepHeaders(message, keepHeaders),
        };
    }

    private static Dictionary<string, string> KeepHeaders(MimeMessage message, IReadOnlyCollection<string>? names)
    {
        var kept = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (names is null || names.Count == 0)
        {
            return kept;
        }
        foreach (var header in message.Headers)
        {
            if (names.Contains(header.Field, StringComparer.OrdinalIgnoreCase))
            {
                kept.TryAdd(header.Field, header.Value.Trim());
            }
        }
        return kept;
    }

    public static EmailAddress ToAddress(MailboxAddress mailbox)
    {
        ArgumentNullException.ThrowIfNull(mailbox);
        return new EmailAddress(mailbox.Name ?? "", mailbox.Address ?? "");
    }

    /// <summary>The first words of the text body, or of the HTML body with its tags removed.</summary>
    public static string Snippet(MimeMessage message) => Shorten(BodyText(message));

    /// <summary>
    /// The text body, or the HTML body with its tags removed; empty when neither can be decoded.
    /// Decodes at most <see cref="MaxSearchText"/> characters (four times that of HTML, which
    /// loses its markup), so a 50 MB body costs no more memory than a large ordinary one.
    /// </summary>
    public static string BodyText(MimeMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        try
        {
            var parts = message.BodyParts.OfType<TextPart>().Where(p => !p.IsAttachment).ToList();
            if (parts.FirstOrDefault(p => p.IsPlain) is { } plain && ReadPrefix(plain, MaxSearchText) is { } text && !string.IsNullOrWhiteSpace(text))
            {
                return text;
            }
            if (parts.FirstOrDefault(p => p.IsHtml) is { } html && ReadPrefix(html, 4 * MaxSearchText) is { } markup)
            {
                var fromHtml = HtmlToText(markup);
                return fromHtml.Length <= MaxSearchText ? fromHtml : fromHtml[..MaxSearchText];
            }
            return "";
        }
        catch (Exception e) when (e is NotSupportedException or ArgumentException or FormatException or RegexMatchTimeoutException or InvalidOperationException or DecoderFallbackException)
        {
            // An unknown charset or broken encoding: snippet and search text are conveniences, not worth failing for.
            return "";
        }
    }

    /// <summary>Decodes at most <paramref name="maxChars"/> characters of a text part (transfer encoding and charset).</summary>
    public static string? ReadPrefix(TextPart part, int maxChars)
    {
        ArgumentNullException.ThrowIfNull(part);
        if (part.Content is null)
        {
            return null;
        }
        var encoding = part.ContentType.CharsetEncoding ?? Encoding.UTF8;
        using (var whole = part.Content.Open())
        {
            if (TryDecodeWhole(whole, encoding, maxChars) is { } text)
            {
                return text;
            }
        }
        using var decoded = part.Content.Open();
        using var reader = new StreamReader(decoded, encoding, detectEncodingFromByteOrderMarks: true);
        // Rented, not allocated: a fresh 64K-char buffer per message would land on the large
        // object heap and make every message pay for a gen-2 collection.
        var buffer = ArrayPool<char>.Shared.Rent(Math.Min(maxChars, 16 * 1024));
        try
        {
            var text = new StringBuilder();
            while (text.Length < maxChars)
            {
                var read = reader.ReadBlock(buffer, 0, Math.Min(buffer.Length, maxChars - text.Length));
                if (read == 0)
                {
                    break;
                }
                text.Append(buffer, 0, read);
            }
            return text.ToString();
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
        }
    }

    /// <summary>
    /// The common case of <see cref="ReadPrefix"/> in one decoding call: a part whose decoded bytes
    /// fit in one rented buffer and cannot start with a byte order mark (UTF-8 EF, UTF-16 FE/FF,
    /// UTF-32 00/FF: what StreamReader detects) becomes its string directly,
    /// without a StreamReader, its buffers and a StringBuilder (ingest CPU and garbage, issue 16).
    /// Null when the part is larger or starts like a BOM: the StreamReader path handles those.
    /// Decoding all bytes at once gives the same characters as decoding them block by block.
    /// </summary>
    private static string? TryDecodeWhole(Stream decoded, Encoding encoding, int maxChars)
    {
        const int MaxWholeBytes = 64 * 1024;
        var bytes = ArrayPool<byte>.Shared.Rent(MaxWholeBytes + 1);
        try
        {
            var length = decoded.ReadAtLeast(bytes, bytes.Length, throwOnEndOfStream: false);
            if (length > MaxWholeBytes || (length > 0 && bytes[0] is 0xEF or 0xFE or 0xFF or 0x00))
            {
                return null;
            }
            var text = encoding.GetString(bytes, 0, length);
            return text.Length <= maxChars ? text : text[..maxChars];
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(bytes);
        }
    }

    /// <summary>Removes scripts, styles and tags and decodes entities; good enough for a snippet and search text.</summary>
    public static string HtmlToText(string html)
    {
        ArgumentNullException.ThrowIfNull(html);
        var withoutBlocks = HiddenBlocks().Replace(html, " ");
        var withoutTags = Tags().Replace(withoutBlocks, " ");
        return WebUtility.HtmlDecode(withoutTags);
    }

    /// <summary>
    /// The first <see cref="SnippetLength"/> characters of the text with each run of whitespace
    /// made one space. One pass that stops when the snippet is full: a 256 KB body costs no more
    /// than its first few lines (a regex over the text was 2.7% of ingest CPU).
    /// </summary>
    private static string Shorten(string text)
    {
        Span<char> snippet = stackalloc char[SnippetLength];
        var length = 0;
        var spaceBefore = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                spaceBefore = length > 0;
                continue;
            }
            if (spaceBefore)
            {
                if (length + 1 == SnippetLength)
                {
                    break;
                }
                snippet[length++] = ' ';
                spaceBefore = false;
            }
            snippet[length++] = c;
            if (length == SnippetLength)
            {
                break;
            }
        }
        // Never end on half of a surrogate pair.
        if (length > 0 && char.IsHighSurrogate(snippet[length - 1]))
        {
            length--;
        }
        return new string(snippet[..length]);
    }

    private static ParsedSummary Unparsable(Stream raw, string error)
    {
        var head = new byte[4096];
        var read = raw.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        var text = Encoding.UTF8.GetString(head, 0, read);
        return new ParsedSummary(null, [], [], "", null, null, Shorten(text), 0, error) { BodyText = text };
    }

    [GeneratedRegex(@"<(script|style|head)\b[^>]*>.*?</\1\s*>", RegexOptions.IgnoreCase | RegexOptions.Singleline, matchTimeoutMilliseconds: 1000)]
    private static partial Regex HiddenBlocks();

    [GeneratedRegex("<[^>]*>", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Tags();
}
