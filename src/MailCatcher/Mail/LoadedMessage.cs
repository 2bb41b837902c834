using MailCatcher.Core.Mime;
using MailCatcher.Storage.Entities;

namespace MailCatcher.Mail;

/// <summary>A stored message's row together with its parsed MIME view.</summary>
public sealed record LoadedMessage(StoredMessage Row, MessageView View)
{
    /// <summary>The part id of a <c>Content-ID</c> (angle brackets optional), or null.</summary>
    public string? PartIdOfContentId(string contentId)
    {
        var wanted = contentId.Trim('<', '>');
        return View.Parts.FirstOrDefault(p => p.ContentId is not null && string.Equals(p.ContentId.Trim('<', '>'), wanted, StringComparison.OrdinalIgnoreCase))?.PartId;
    }

    /// <summary>
    /// Where a part of this message is served from, relative to the UI's <c>&lt;base href&gt;</c>
    /// so that it works under <c>--base-path</c>.
    /// </summary>
    public static string PartUrl(long id, string partId) => $"api/v1/messages/{id}/parts/{partId}";

    /// <summary>
    /// The HTML body made safe to preview; null when the message has none. Its part URLs are
    /// absolute paths under <paramref name="pathBase"/> (the request's base path), so the HTML reads
    /// the same wherever an API client shows it.
    /// </summary>
    public HtmlPreviewResult? HtmlPreview(bool allowRemote, string pathBase = "") =>
        View.HtmlBody is { } html
            ? Core.Mime.HtmlPreview.Prepare(html, partId => $"{pathBase}/{PartUrl(Row.Id, partId)}", PartIdOfContentId, allowRemote)
            : null;

    /// <summary>The text body, or a text rendering of the HTML body; null when it has neither.</summary>
    public string? Text => View.TextBody ?? (View.HtmlBody is { } html ? HtmlTextRenderer.Convert(html) : null);
}
