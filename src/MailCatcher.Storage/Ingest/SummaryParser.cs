using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using MailCatcher.Core.Messages;
using MimeKit;

namespace MailCatcher.Storage.Ingest;

/// <summary>
/// Reads the summary columns out of a raw message with MimeKit. Never throws for bad mail:
/// a message MimeKit cannot parse still gets a summary (from its first bytes) and the error.
/// </summary>
public static partial class SummaryParser
{
    public const int SnippetLength = 200;

    /// <param name="raw">The raw message, positioned at its start.</param>
    /// <param name="persistent">True when <paramref name="raw"/> is a seekable file that outlives parsing, so MimeKit can reference part content instead of copying it.</param>
    public static ParsedSummary Parse(Stream raw, bool persistent)
    {
        ArgumentNullException.ThrowIfNull(raw);
        MimeMessage message;
        try
        {
            var parser = new MimeParser(raw, MimeFormat.Entity, persistent);
            message = parser.ParseMessage();
        }
        catch (FormatException e)
        {
            raw.Position = 0;
            return Unparsable(raw, e.Message);
        }

        return new ParsedSummary(
            message.From.Mailboxes.Select(ToAddress).FirstOrDefault(),
            [.. message.To.Mailboxes.Select(ToAddress)],
            [.. message.Cc.Mailboxes.Select(ToAddress)],
            message.Subject ?? "",
            message.Headers.Contains(HeaderId.Date) && message.Date != DateTimeOffset.MinValue ? message.Date.UtcDateTime : null,
            message.MessageId,
            Snippet(message),
            message.Attachments.Count(),
            null);
    }

    public static EmailAddress ToAddress(MailboxAddress mailbox)
    {
        ArgumentNullException.ThrowIfNull(mailbox);
        return new EmailAddress(mailbox.Name ?? "", mailbox.Address ?? "");
    }

    /// <summary>
    /// The first words of the text body, or of the HTML body with its tags removed. Reads only a
    /// bounded prefix of the decoded body, so a 50 MB body costs no more than a small one.
    /// </summary>
    public static string Snippet(MimeMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        try
        {
            var parts = message.BodyParts.OfType<TextPart>().Where(p => !p.IsAttachment).ToList();
            if (parts.FirstOrDefault(p => p.IsPlain) is { } plain && ReadPrefix(plain, SnippetSourceChars) is { } text && !string.IsNullOrWhiteSpace(text))
            {
                return Shorten(text);
            }
            if (parts.FirstOrDefault(p => p.IsHtml) is { } html && ReadPrefix(html, HtmlSnippetSourceChars) is { } markup)
            {
                return Shorten(HtmlToText(markup));
            }
            return "";
        }
        catch (Exception e) when (e is NotSupportedException or ArgumentException or FormatException or RegexMatchTimeoutException or InvalidOperationException)
        {
            // An unknown charset or broken encoding: the snippet is a convenience, not worth failing for.
            return "";
        }
    }

    /// <summary>Characters of a text body read to make a snippet.</summary>
    private const int SnippetSourceChars = 4 * 1024;

    /// <summary>HTML needs more: styles and markup come before the first words.</summary>
    private const int HtmlSnippetSourceChars = 64 * 1024;

    /// <summary>Decodes at most <paramref name="maxChars"/> characters of a text part (transfer encoding and charset).</summary>
    public static string? ReadPrefix(TextPart part, int maxChars)
    {
        ArgumentNullException.ThrowIfNull(part);
        if (part.Content is null)
        {
            return null;
        }
        using var decoded = part.Content.Open();
        var encoding = part.ContentType.CharsetEncoding ?? Encoding.UTF8;
        using var reader = new StreamReader(decoded, encoding, detectEncodingFromByteOrderMarks: true);
        var buffer = new char[maxChars];
        var read = reader.ReadBlock(buffer, 0, maxChars);
        return new string(buffer, 0, read);
    }

    /// <summary>Removes scripts, styles and tags and decodes entities; good enough for a snippet and search text.</summary>
    public static string HtmlToText(string html)
    {
        ArgumentNullException.ThrowIfNull(html);
        var withoutBlocks = HiddenBlocks().Replace(html, " ");
        var withoutTags = Tags().Replace(withoutBlocks, " ");
        return WebUtility.HtmlDecode(withoutTags);
    }

    private static string Shorten(string text)
    {
        var collapsed = Whitespace().Replace(text, " ").Trim();
        return collapsed.Length <= SnippetLength ? collapsed : collapsed[..SnippetLength];
    }

    private static ParsedSummary Unparsable(Stream raw, string error)
    {
        var head = new byte[4096];
        var read = raw.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        var text = Encoding.UTF8.GetString(head, 0, read);
        return new ParsedSummary(null, [], [], "", null, null, Shorten(text), 0, error);
    }

    [GeneratedRegex(@"<(script|style|head)\b[^>]*>.*?</\1\s*>", RegexOptions.IgnoreCase | RegexOptions.Singleline, matchTimeoutMilliseconds: 1000)]
    private static partial Regex HiddenBlocks();

    [GeneratedRegex("<[^>]*>", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Tags();

    [GeneratedRegex(@"\s+", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Whitespace();
}
