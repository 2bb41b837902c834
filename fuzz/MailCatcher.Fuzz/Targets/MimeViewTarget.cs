using MailCatcher.Core.Mime;
using MailCatcher.Storage.Ingest;
using MimeKit.Text;

namespace MailCatcher.Fuzz.Targets;

/// <summary>
/// What the UI and the API show of a stored message: the summary columns, the decoded headers,
/// text and HTML bodies, the parts list, the sanitized HTML preview and the text rendering of
/// HTML. Stored mail is hostile input and these promise never to throw for it: no exception is
/// documented. A preview must never keep a script element or an event handler.
/// </summary>
internal static class MimeViewTarget
{
    public static void Run(byte[] input)
    {
        using (var raw = new MemoryStream(input, writable: false))
        {
            _ = SummaryParser.Parse(raw, persistent: false);
        }
        using var view = MessageView.Load(new MemoryStream(input, writable: false));
        _ = view.Headers;
        var text = view.TextBody;
        var html = view.HtmlBody;
        foreach (var part in view.Parts)
        {
            if (view.FindPart(part.PartId) is null)
            {
                throw new InvariantException($"listed part {part.PartId} cannot be found again");
            }
        }
        if (html is not null)
        {
            var preview = HtmlPreview.Prepare(html, id => "parts/" + id, _ => null, allowRemote: false);
            if (ActiveContent(preview.Html) is { } active)
            {
                throw new InvariantException($"the preview kept active content: {active}");
            }
            _ = HtmlTextRenderer.Convert(html);
            _ = HtmlText.ToText(html);
        }
        _ = CodeExtractor.Extract(view.Message?.Subject, text, html);
        _ = LinkExtractor.Extract(html, text);
    }

    /// <summary>
    /// Reads the sanitized preview again with MimeKit's HTML tokenizer (the one the sanitizer uses,
    /// after the HTML5 tokenizer's states) and names the first script element or event-handler
    /// attribute found: the sanitizer's output must be a fixed point without them.
    /// </summary>
    private static string? ActiveContent(string html)
    {
        var tokenizer = new HtmlTokenizer(new StringReader(html));
        while (tokenizer.ReadNextToken(out var token))
        {
            if (token is not HtmlTagToken { IsEndTag: false } tag)
            {
                continue;
            }
            if (tag.Id is HtmlTagId.Script or HtmlTagId.IFrame or HtmlTagId.Object or HtmlTagId.Embed)
            {
                return "<" + tag.Name + ">";
            }
            if (tag.Attributes.FirstOrDefault(a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase)) is { } handler)
            {
                return $"<{tag.Name} {handler.Name}=...>";
            }
        }
        return null;
    }
}
