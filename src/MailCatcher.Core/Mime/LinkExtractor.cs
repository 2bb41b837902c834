using System.Net;
using System.Text.RegularExpressions;

namespace MailCatcher.Core.Mime;

/// <summary>
/// Finds the links in a message's HTML and text bodies, so a test can pick the confirmation link.
/// HTML links come first in document order, then URLs that only the text body has; each URL once.
/// Pure and regex-based (with timeouts): captured HTML is hostile and never executed or fetched.
/// </summary>
public static partial class LinkExtractor
{
    /// <summary>At most this many links are returned.</summary>
    public const int MaxLinks = 1000;

    private const int MaxTextLength = 200;

    public static IReadOnlyList<MessageLink> Extract(string? html, string? text)
    {
        var links = new List<MessageLink>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        try
        {
            if (!string.IsNullOrEmpty(html))
            {
                foreach (Match anchor in Anchors().Matches(html))
                {
                    var href = anchor.Groups["dq"].Success ? anchor.Groups["dq"].Value
                        : anchor.Groups["sq"].Success ? anchor.Groups["sq"].Value
                        : anchor.Groups["bare"].Value;
                    var url = WebUtility.HtmlDecode(href).Trim();
                    if (!IsFollowable(url) || !seen.Add(url))
                    {
                        continue;
                    }
                    var inner = anchor.Groups["inner"].Value;
                    var label = HtmlText.Collapse(HtmlText.ToText(inner));
                    if (label.Length == 0 && AltText().Match(inner) is { Success: true } alt)
                    {
                        label = HtmlText.Collapse(WebUtility.HtmlDecode(alt.Groups["alt"].Value));
                    }
                    Add(links, url, label);
                }
            }
            if (!string.IsNullOrEmpty(text))
            {
                foreach (Match found in BareUrls().Matches(text))
                {
                    var url = TrimTrailingPunctuation(found.Value);
                    if (!seen.Add(url))
                    {
                        continue;
                    }
                    Add(links, url, WordsBefore(text, found.Index) is { Length: > 0 } words ? words : url);
                }
            }
        }
        catch (RegexMatchTimeoutException)
        {
            // Pathological input: what was found so far is still right.
        }
        return links.Count > MaxLinks ? links[..MaxLinks] : links;
    }

    private static void Add(List<MessageLink> links, string url, string text)
        => links.Add(new MessageLink(url, text.Length <= MaxTextLength ? text : text[..MaxTextLength]));

    private static bool IsFollowable(string url)
        => url.Length > 0
            && !url.StartsWith('#')
            && !url.StartsWith("javascript:", StringComparison.OrdinalIgnoreCase)
            && !url.StartsWith("data:", StringComparison.OrdinalIgnoreCase)
            && !url.StartsWith("cid:", StringComparison.OrdinalIgnoreCase);

    /// <summary>Sentence punctuation after a URL is not part of it; a closing parenthesis is, when the URL opened one.</summary>
    private static string TrimTrailingPunctuation(string url)
    {
        var end = url.Length;
        while (end > 0)
        {
            var c = url[end - 1];
            if (c is '.' or ',' or ';' or ':' or '!' or '?' or '\'' or '"')
            {
                end--;
            }
            else if (c == ')' && url.AsSpan(0, end).Count('(') < url.AsSpan(0, end).Count(')'))
            {
                end--;
            }
            else
            {
                break;
            }
        }
        return url[..end];
    }

    private static string WordsBefore(string text, int index)
    {
        var lineStart = text.LastIndexOf('\n', Math.Max(0, index - 1)) + 1;
        if (index <= lineStart)
        {
            return "";
        }
        var before = HtmlText.Collapse(text[lineStart..index]).TrimEnd(':', '-', '<', '(', '[').Trim();
        return before.Length <= MaxTextLength ? before : before[^MaxTextLength..];
    }

    [GeneratedRegex("""<a\b[^>]*?\bhref\s*=\s*(?:"(?<dq>[^"]*)"|'(?<sq>[^']*)'|(?<bare>[^\s"'>]+))[^>]*>(?<inner>.*?)</a\s*>""", RegexOptions.IgnoreCase | RegexOptions.Singleline, matchTimeoutMilliseconds: 2000)]
    private static partial Regex Anchors();

    [GeneratedRegex("""<img\b[^>]*?\balt\s*=\s*(?:"(?<alt>[^"]*)"|'(?<alt>[^']*)')""", RegexOptions.IgnoreCase, matchTimeoutMilliseconds: 1000)]
    private static partial Regex AltText();

    [GeneratedRegex("""\bhttps?://[^\s<>"'\[\]{}|\\^`]+""", RegexOptions.IgnoreCase, matchTimeoutMilliseconds: 2000)]
    private static partial Regex BareUrls();
}
