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

    /// <summary>How much body text is indexed for search; the rest of a huge message is not searchable.</summary>
    public const int MaxSearchText = 256 * 1024;

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
            BodyText = body.Length <= MaxSearchText ? body : body[..MaxSearchText],
        };
    }

    public static EmailAddress ToAddress(MailboxAddress mailbox)
    {
        ArgumentNullException.ThrowIfNull(mailbox);
        return new EmailAddress(mailbox.Name ?? "", mailbox.Address ?? "");
    }

    /// <summary>The first words of the text body, or of the HTML body with its tags removed.</summary>
    public static string Snippet(MimeMessage message) => Shorten(BodyText(message));

    /// <summary>The text body, or the HTML body with its tags removed; empty when neither can be decoded.</summary>
    public static string BodyText(MimeMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        string? text;
        try
        {
            text = message.TextBody;
            if (string.IsNullOrWhiteSpace(text) && message.HtmlBody is { } html)
            {
                text = HtmlToText(html);
            }
        }
        catch (Exception e) when (e is NotSupportedException or ArgumentException or FormatException or RegexMatchTimeoutException)
        {
            // An unknown charset or broken encoding: the snippet is a convenience, not worth failing for.
            text = null;
        }
        return text ?? "";
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
        return new ParsedSummary(null, [], [], "", null, null, Shorten(text), 0, error) { BodyText = text };
    }

    [GeneratedRegex(@"<(script|style|head)\b[^>]*>.*?</\1\s*>", RegexOptions.IgnoreCase | RegexOptions.Singleline, matchTimeoutMilliseconds: 1000)]
    private static partial Regex HiddenBlocks();

    [GeneratedRegex("<[^>]*>", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Tags();

    [GeneratedRegex(@"\s+", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Whitespace();
}
