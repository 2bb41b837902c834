using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using AngleSharp.Html.Parser.Tokens;
using AngleSharp.Text;

namespace MailCatcher.Checks.Html;

/// <summary>
/// Lists every caniemail feature an HTML body uses, with its line: elements, attributes,
/// element/attribute pairs, image formats, comments, the doctype, and the CSS of
/// <c>&lt;style&gt;</c> elements and <c>style</c> attributes. Parsed with AngleSharp (the HTML
/// standard's tree builder, so broken markup parses the way a mail client's engine would).
/// </summary>
internal static class HtmlFeatureScanner
{
    public static List<FeatureUse> Scan(string html, CaniemailFeatureIndex index)
    {
        var uses = new List<FeatureUse>();
        var written = new HashSet<(string Name, TextPosition At)>();
        var options = new HtmlParserOptions
        {
            IsKeepingSourceReferences = true,
            IsScripting = false,
            OnToken = (token, _) => OnToken(token, index, uses, written),
        };
        var document = new HtmlParser(options).ParseDocument(html);
        if (document.Doctype is { } doctype && doctype.Name.Equals("html", StringComparison.OrdinalIgnoreCase)
            && string.IsNullOrEmpty(doctype.PublicIdentifier) && index.Title("HTML5 doctype") is { } html5)
        {
            uses.Add(new FeatureUse(html5, 1, "<!DOCTYPE html>"));
        }
        var css = new CssFeatureScanner(index, uses);
        foreach (var element in document.All)
        {
            // The tree builder adds <html>, <head>, <body> and <tbody> the sender never wrote (HTML §13.2.6);
            // only elements that came from a start tag are the sender's.
            if (element.SourceReference is { } source && written.Contains((element.LocalName, source.Position)))
            {
                ScanElement(element, source.Position.Line, index, css, uses);
            }
        }
        return uses;
    }

    private static void OnToken(HtmlToken token, CaniemailFeatureIndex index, List<FeatureUse> uses, HashSet<(string, TextPosition)> written)
    {
        if (token.Type == HtmlTokenType.StartTag)
        {
            written.Add((token.Name.ToLowerInvariant(), token.Position));
        }
        if (token.Type == HtmlTokenType.Comment && index.Title("HTML comments") is { } title)
        {
            var data = token.Data.Trim();
            uses.Add(new FeatureUse(title, token.Position.Line, "<!--" + (data.Length <= 40 ? data : data[..40] + "...") + "-->"));
        }
    }

    private static void ScanElement(IElement element, int line, CaniemailFeatureIndex index, CssFeatureScanner css, List<FeatureUse> uses)
    {
        var tag = element.LocalName;
        var shown = $"<{tag}>";
        foreach (var title in index.Element(tag))
        {
            uses.Add(new FeatureUse(title, line, shown));
        }
        foreach (var attribute in element.Attributes)
        {
            var name = attribute.Name.ToLowerInvariant();
            var context = $"<{tag} {name}=\"{Shorten(attribute.Value)}\">";
            foreach (var title in index.Attribute(name))
            {
                uses.Add(new FeatureUse(title, line, context));
            }
            if (index.ElementAttributeValue(tag, name, attribute.Value) is { } pair)
            {
                uses.Add(new FeatureUse(pair, line, context));
            }
        }
        ScanSpecialCases(element, index, line, uses);
        if (element.GetAttribute("style") is { Length: > 0 } style)
        {
            css.ScanStyleAttribute(style, line, shown);
        }
        if (tag == "style")
        {
            css.ScanSheet(element.TextContent, line);
        }
    }

    private static void ScanSpecialCases(IElement element, CaniemailFeatureIndex index, int line, List<FeatureUse> uses)
    {
        var tag = element.LocalName;
        if (tag == "a" && element.GetAttribute("href") is { } href)
        {
            var trimmed = href.Trim();
            if (trimmed.StartsWith('#') && index.Title("Local anchors") is { } anchors)
            {
                uses.Add(new FeatureUse(anchors, line, $"<a href=\"{Shorten(trimmed)}\">"));
            }
            if (trimmed.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase) && index.Title("mailto: links") is { } mailto)
            {
                uses.Add(new FeatureUse(mailto, line, $"<a href=\"{Shorten(trimmed)}\">"));
            }
        }
        if (tag == "html" && (element.HasAttribute("⚡4email") || element.HasAttribute("amp4email")) && index.Title("AMP for Email") is { } amp)
        {
            uses.Add(new FeatureUse(amp, line, "<html amp4email>"));
        }
        var images = new List<string>();
        if (tag == "img" && element.GetAttribute("src") is { } src)
        {
            images.Add(src);
        }
        if (element.GetAttribute("srcset") is { } srcset)
        {
            images.AddRange(ImageFormats.FromSrcset(srcset));
        }
        foreach (var url in images)
        {
            ImageFormats.FromUrl(url, title =>
            {
                if (index.Title(title) is { } known)
                {
                    uses.Add(new FeatureUse(known, line, $"<{tag} src=\"{Shorten(url)}\">"));
                }
            });
        }
    }

    private static string Shorten(string value) => value.Length <= 60 ? value : value[..57] + "...";
}
