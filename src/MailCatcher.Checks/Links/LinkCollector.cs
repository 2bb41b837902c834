using AngleSharp.Html.Parser;
using MailCatcher.Core.Mime;

namespace MailCatcher.Checks.Links;

/// <summary>
/// The URLs a link check requests: <c>&lt;a href&gt;</c>, <c>&lt;area href&gt;</c>, <c>&lt;img src&gt;</c>
/// and <c>background</c> attributes from the HTML (parsed with AngleSharp, with lines), then URLs
/// only the text body has (Core's <see cref="LinkExtractor"/>). Each URL once; http, https and cid only.
/// </summary>
public static class LinkCollector
{
    public static IReadOnlyList<FoundLink> Collect(string? html, string? text)
    {
        var found = new List<FoundLink>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        if (!string.IsNullOrWhiteSpace(html))
        {
            var document = new HtmlParser(new HtmlParserOptions { IsKeepingSourceReferences = true }).ParseDocument(html);
            foreach (var element in document.All)
            {
                var line = element.SourceReference?.Position.Line;
                var (url, kind) = element.LocalName switch
                {
                    "a" or "area" => (element.GetAttribute("href"), LinkKind.Link),
                    "img" => (element.GetAttribute("src"), LinkKind.Image),
                    _ => (element.GetAttribute("background"), LinkKind.Image),
                };
                Add(found, seen, url, kind, line);
            }
        }
        foreach (var link in LinkExtractor.Extract(null, text))
        {
            Add(found, seen, link.Url, LinkKind.Link, null);
        }
        return found;
    }

    private static void Add(List<FoundLink> found, HashSet<string> seen, string? url, LinkKind kind, int? line)
    {
        var trimmed = url?.Trim();
        if (string.IsNullOrEmpty(trimmed) || !IsCheckable(trimmed) || !seen.Add(trimmed))
        {
            return;
        }
        found.Add(new FoundLink(trimmed, kind, line));
    }

    private static bool IsCheckable(string url)
        => url.StartsWith("http://", StringComparison.OrdinalIgnoreCase)
            || url.StartsWith("https://", StringComparison.OrdinalIgnoreCase)
            || url.StartsWith("cid:", StringComparison.OrdinalIgnoreCase);
}
