using AngleSharp.Html.Parser;
using MimeKit;

namespace MailCatcher.Checks.SenderRules;

/// <summary>What the content must be like: a text part beside HTML, images with alt text, HTML under Gmail's clipping size, no dangerous attachments.</summary>
internal static class ContentRules
{
    /// <summary>Gmail shows "[Message clipped]" and hides the rest (unsubscribe link included) beyond about 102 KB of HTML.</summary>
    public const int GmailClipBytes = 102 * 1024;

    public static IEnumerable<CheckItem> Check(MimeMessage message)
    {
        var html = Safe(() => message.HtmlBody);
        var text = Safe(() => message.TextBody);
        if (html is not null)
        {
            yield return text is null
                ? new CheckItem(CheckSeverity.Warn, "Text part", "The message has HTML but no text/plain alternative; text-only clients show nothing useful and spam filters score HTML-only mail higher.",
                    "Send multipart/alternative with a text/plain part beside the HTML.", Url: new Uri("https://www.rfc-editor.org/rfc/rfc2046#section-5.1.4"))
                : new CheckItem(CheckSeverity.Pass, "Text part", "The HTML has a text/plain alternative beside it.");
            yield return ImagesAlt(html);
            var size = System.Text.Encoding.UTF8.GetByteCount(html);
            yield return size > GmailClipBytes
                ? new CheckItem(CheckSeverity.Warn, "HTML size", $"The HTML is {size / 1024} KB; Gmail clips messages over 102 KB and hides the rest, including any unsubscribe link and tracking pixel.",
                    "Trim the HTML (inline CSS once, drop comments and unused markup) below 102 KB.")
                : new CheckItem(CheckSeverity.Pass, "HTML size", $"The HTML is {Math.Max(1, size / 1024)} KB, under Gmail's 102 KB clipping limit.");
        }
        yield return Attachments(message);
    }

    /// <summary>Images without alt text: what blind readers and clients that block images get (WCAG 2.1 §1.1.1).</summary>
    private static CheckItem ImagesAlt(string html)
    {
        var document = new HtmlParser(new HtmlParserOptions { IsKeepingSourceReferences = true }).ParseDocument(html);
        var images = document.Images.ToList();
        var missing = images.Where(i => !i.HasAttribute("alt")).ToList();
        if (missing.Count == 0)
        {
            return new CheckItem(CheckSeverity.Pass, "Image alt text", images.Count == 0 ? "The HTML has no images." : $"All {images.Count} images have an alt attribute.");
        }
        var lines = missing.Select(i => i.SourceReference?.Position.Line ?? 0).Where(l => l > 0).Distinct().ToList();
        return new CheckItem(CheckSeverity.Warn, "Image alt text",
            $"{missing.Count} of {images.Count} images have no alt attribute; clients that block images (Outlook by default) and screen readers show nothing in their place.",
            "Give every image an alt attribute: a short description, or alt=\"\" for a decorative one.",
            lines.Count == 0 ? null : "lines " + string.Join(", ", lines.Take(10)), lines.Count > 0 ? lines[0] : null,
            Url: new Uri("https://www.w3.org/WAI/tutorials/images/"));
    }

    private static CheckItem Attachments(MimeMessage message)
    {
        var dangerous = new List<string>();
        foreach (var part in message.BodyParts)
        {
            var name = part is MimePart mime ? mime.FileName : part.ContentDisposition?.FileName ?? part.ContentType.Name;
            if (DangerousFileTypes.Why(name, part.ContentType.MimeType) is { } why)
            {
                dangerous.Add($"{name ?? part.ContentType.MimeType}: {why}");
            }
        }
        return dangerous.Count == 0
            ? new CheckItem(CheckSeverity.Pass, "Attachment types", "No attachment has a type that Gmail blocks.")
            : new CheckItem(CheckSeverity.Fail, "Attachment types", $"{string.Join("; ", dangerous)}. Gmail rejects such messages and other receivers quarantine them.",
                "Link to the file instead, or send it in a format receivers accept (PDF, or a plain archive without executables).",
                string.Join(", ", dangerous.Select(d => d.Split(':')[0])));
    }

    private static string? Safe(Func<string?> read)
    {
        try
        {
            return read();
        }
        catch (Exception e) when (e is FormatException or ArgumentException or NotSupportedException)
        {
            return null;
        }
    }
}
