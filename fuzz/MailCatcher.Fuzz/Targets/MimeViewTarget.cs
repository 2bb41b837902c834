using MailCatcher.Core.Mime;
using MailCatcher.Storage.Ingest;

namespace MailCatcher.Fuzz.Targets;

/// <summary>
/// What the UI and the API show of a stored message: the summary columns, the decoded headers,
/// text and HTML bodies, the parts list, the sanitized HTML preview and the text rendering of
/// HTML. Stored mail is hostile input and these promise never to throw for it: no exception is
/// documented. A preview must never keep a script element.
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
            if (preview.Html.Contains("<script", StringComparison.OrdinalIgnoreCase))
            {
                throw new InvariantException("the preview kept a <script> element");
            }
            _ = HtmlTextRenderer.Convert(html);
            _ = HtmlText.ToText(html);
        }
        _ = CodeExtractor.Extract(view.Message?.Subject, text, html);
        _ = LinkExtractor.Extract(html, text);
    }
}
