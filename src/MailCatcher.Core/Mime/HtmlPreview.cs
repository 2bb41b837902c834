using System.Text;
using MimeKit.Text;

namespace MailCatcher.Core.Mime;

/// <summary>
/// Makes a captured HTML body fit to show in the preview frame. Captured mail is hostile: the
/// frame's sandbox and the response's CSP already stop scripts and remote loads; this pass
/// removes them from the markup as well, points <c>cid:</c> references at the message's own parts,
/// opens links in a new tab without an opener, and counts the remote images it held back.
/// </summary>
public static class HtmlPreview
{
    /// <summary>Elements dropped together with everything inside them.</summary>
    private static readonly HashSet<string> DroppedWithContent = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "iframe", "frame", "frameset", "object", "embed", "applet", "noembed", "template", "portal",
    };

    /// <summary>Elements dropped on their own (their content, if any, stays).</summary>
    private static readonly HashSet<string> DroppedTags = new(StringComparer.OrdinalIgnoreCase)
    {
        "base", "link",
    };

    private static readonly HashSet<string> UrlAttributes = new(StringComparer.OrdinalIgnoreCase)
    {
        "href", "src", "action", "formaction", "background", "poster", "data", "xlink:href", "lowsrc", "dynsrc", "longdesc", "cite", "ping",
    };

    /// <param name="html">The message's HTML body.</param>
    /// <param name="partUrl">The URL of one of the message's parts, given its part id.</param>
    /// <param name="partIdOfContentId">The part id of a <c>Content-ID</c> (without angle brackets), or null.</param>
    /// <param name="allowRemote">Whether remote images may load (the user asked for them).</param>
    public static HtmlPreviewResult Prepare(string html, Func<string, string> partUrl, Func<string, string?> partIdOfContentId, bool allowRemote)
    {
        ArgumentNullException.ThrowIfNull(html);
        ArgumentNullException.ThrowIfNull(partUrl);
        ArgumentNullException.ThrowIfNull(partIdOfContentId);
        // One pass over MimeKit's tokenizer, not HtmlToHtml: HtmlToHtml's tag stack makes it
        // quadratic in the number of void elements (1 MB of <img> took a minute, issue 16).
        var blocked = 0;
        using var output = new StringWriter();
        using (var writer = new HtmlWriter(output))
        {
            var tokenizer = new HtmlTokenizer(new StringReader(html));
            string? droppingUntil = null; // inside an element dropped with its content: its name
            var droppedDepth = 0;
            while (tokenizer.ReadNextToken(out var token))
            {
                if (droppingUntil is not null)
                {
                    if (token is HtmlTagToken dropped && dropped.Name.Equals(droppingUntil, StringComparison.OrdinalIgnoreCase) && !dropped.IsEmptyElement)
                    {
                        droppedDepth += dropped.IsEndTag ? -1 : 1;
                        droppingUntil = droppedDepth == 0 ? null : droppingUntil;
                    }
                    continue;
                }
                switch (token)
                {
                    case HtmlCommentToken:
                        break;
                    case HtmlTagToken tag when DroppedWithContent.Contains(tag.Name):
                        if (!tag.IsEndTag && !tag.IsEmptyElement)
                        {
                            droppingUntil = tag.Name;
                            droppedDepth = 1;
                        }
                        break;
                    case HtmlTagToken tag when DroppedTags.Contains(tag.Name) || IsRefresh(tag):
                        break;
                    case HtmlTagToken { IsEndTag: true } tag:
                        writer.WriteEndTag(tag.Name);
                        break;
                    case HtmlTagToken tag:
                        blocked += WriteTag(tag, writer, partUrl, partIdOfContentId, allowRemote);
                        break;
                    default:
                        writer.WriteToken(token);
                        break;
                }
            }
            writer.Flush();
        }
        return new HtmlPreviewResult(output.ToString(), blocked);
    }

    /// <summary>Writes a start tag with its safe attributes; returns how many remote images it held back (0 or 1).</summary>
    private static int WriteTag(HtmlTagToken tag, HtmlWriter writer, Func<string, string> partUrl, Func<string, string?> partIdOfContentId, bool allowRemote)
    {
        var blocked = false;
        var isLink = tag.Name.Equals("a", StringComparison.OrdinalIgnoreCase) || tag.Name.Equals("area", StringComparison.OrdinalIgnoreCase);
        if (tag.IsEmptyElement)
        {
            writer.WriteEmptyElementTag(tag.Name);
        }
        else
        {
            writer.WriteStartTag(tag.Name);
        }
        foreach (var attribute in tag.Attributes)
        {
            var name = attribute.Name;
            var value = attribute.Value ?? "";
            if (name.StartsWith("on", StringComparison.OrdinalIgnoreCase) || name.Equals("srcdoc", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }
            if (isLink && (name.Equals("target", StringComparison.OrdinalIgnoreCase) || name.Equals("rel", StringComparison.OrdinalIgnoreCase)))
            {
                continue;
            }
            if (name.Equals("srcset", StringComparison.OrdinalIgnoreCase))
            {
                if (!allowRemote && value.Contains("//", StringComparison.Ordinal))
                {
                    blocked = true;
                    continue;
                }
                writer.WriteAttribute(attribute);
                continue;
            }
            if (name.Equals("style", StringComparison.OrdinalIgnoreCase))
            {
                if (!allowRemote && HasRemoteUrl(value))
                {
                    blocked = true;
                }
                writer.WriteAttribute(attribute);
                continue;
            }
            if (!UrlAttributes.Contains(name))
            {
                writer.WriteAttribute(attribute);
                continue;
            }
            var url = value.Trim();
            var scheme = SchemeOf(url);
            if (scheme is "javascript" or "vbscript" or "livescript" or "mocha")
            {
                continue;
            }
            if (scheme == "data" && !url.StartsWith("data:image/", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }
            if (scheme == "cid")
            {
                var partId = partIdOfContentId(Uri.UnescapeDataString(url[4..]).Trim('<', '>'));
                if (partId is null)
                {
                    continue;
                }
                url = partUrl(partId);
            }
            else if (IsRemote(url, scheme) && !name.Equals("href", StringComparison.OrdinalIgnoreCase) && !name.Equals("cite", StringComparison.OrdinalIgnoreCase))
            {
                if (!allowRemote)
                {
                    blocked = true;
                    writer.WriteAttribute("data-blocked-" + name.ToLowerInvariant(), url);
                    continue;
                }
            }
            writer.WriteAttribute(name, url);
        }
        if (isLink)
        {
            writer.WriteAttribute("target", "_blank");
            writer.WriteAttribute("rel", "noopener noreferrer");
        }
        return blocked ? 1 : 0;
    }

    private static bool IsRefresh(HtmlTagToken tag) =>
        tag.Name.Equals("meta", StringComparison.OrdinalIgnoreCase)
        && tag.Attributes.Any(a => a.Name.Equals("http-equiv", StringComparison.OrdinalIgnoreCase));

    private static bool IsRemote(string url, string? scheme) =>
        scheme is "http" or "https" or "ftp" || url.StartsWith("//", StringComparison.Ordinal);

    private static bool HasRemoteUrl(string style)
    {
        var lower = style.ToLowerInvariant();
        return lower.Contains("url(", StringComparison.Ordinal)
            && (lower.Contains("http:", StringComparison.Ordinal) || lower.Contains("https:", StringComparison.Ordinal) || lower.Contains("//", StringComparison.Ordinal));
    }

    /// <summary>The URL's scheme in lower case, ignoring the whitespace and control characters browsers skip; null when it has none.</summary>
    private static string? SchemeOf(string url)
    {
        var scheme = new StringBuilder();
        foreach (var c in url)
        {
            if (char.IsWhiteSpace(c) || char.IsControl(c))
            {
                continue;
            }
            if (c == ':')
            {
                return scheme.ToString().ToLowerInvariant();
            }
            if (!char.IsAsciiLetterOrDigit(c) && c is not '+' and not '-' and not '.')
            {
                return null;
            }
            scheme.Append(c);
        }
        return null;
    }
}
