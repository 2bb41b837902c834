using System.Text;
using MimeKit.Text;

namespace MailCatcher.Core.Mime;

/// <summary>A readable plain-text rendering of an HTML body, for messages that have no text part.</summary>
public static class HtmlTextRenderer
{
    private static readonly HashSet<string> Hidden = new(StringComparer.OrdinalIgnoreCase) { "script", "style", "head", "title", "template", "noscript" };

    private static readonly HashSet<string> Blocks = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "div", "br", "tr", "li", "ul", "ol", "table", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "hr", "section", "article", "header", "footer", "dd", "dt",
    };

    /// <summary>Marks the end of a paragraph: a blank line if more text follows.</summary>
    private const char ParagraphBreak = '\u0001';

    public static string Convert(string html)
    {
        ArgumentNullException.ThrowIfNull(html);
        var text = new StringBuilder();
        var tokenizer = new HtmlTokenizer(new StringReader(html));
        var hidden = 0;
        var pre = 0;
        string? href = null;
        var anchorStart = 0;
        while (tokenizer.ReadNextToken(out var token))
        {
            if (token is HtmlTagToken tag)
            {
                var name = tag.Name;
                if (Hidden.Contains(name))
                {
                    if (!tag.IsEmptyElement)
                    {
                        hidden = Math.Max(0, hidden + (tag.IsEndTag ? -1 : 1));
                    }
                    continue;
                }
                if (name.Equals("pre", StringComparison.OrdinalIgnoreCase))
                {
                    pre = Math.Max(0, pre + (tag.IsEndTag ? -1 : 1));
                }
                if (name.Equals("a", StringComparison.OrdinalIgnoreCase))
                {
                    if (!tag.IsEndTag)
                    {
                        href = tag.Attributes.FirstOrDefault(a => a.Name.Equals("href", StringComparison.OrdinalIgnoreCase))?.Value;
                        anchorStart = text.Length;
                    }
                    else if (href is not null)
                    {
                        var label = text.ToString(anchorStart, text.Length - anchorStart).Trim();
                        if (href.StartsWith("http", StringComparison.OrdinalIgnoreCase) && label != href)
                        {
                            text.Append(" (").Append(href).Append(')');
                        }
                        href = null;
                    }
                }
                if (tag.IsEndTag && name.Equals("p", StringComparison.OrdinalIgnoreCase))
                {
                    text.Append(ParagraphBreak);
                }
                else if (Blocks.Contains(name))
                {
                    text.Append('\n');
                    if (!tag.IsEndTag && name.Equals("li", StringComparison.OrdinalIgnoreCase))
                    {
                        text.Append("- ");
                    }
                }
                else if (name.Equals("td", StringComparison.OrdinalIgnoreCase) && tag.IsEndTag)
                {
                    text.Append(' ');
                }
            }
            else if (token is HtmlDataToken data && hidden == 0)
            {
                AppendData(text, data.Data, pre > 0);
            }
        }
        return Tidy(text.ToString());
    }

    private static void AppendData(StringBuilder text, string data, bool preformatted)
    {
        if (preformatted)
        {
            text.Append(data);
            return;
        }
        var space = text.Length > 0 && char.IsWhiteSpace(text[^1]);
        foreach (var c in data)
        {
            if (char.IsWhiteSpace(c))
            {
                if (!space)
                {
                    text.Append(' ');
                    space = true;
                }
            }
            else
            {
                text.Append(c);
                space = false;
            }
        }
    }

    /// <summary>Trims each line, drops empty ones, and keeps one blank line where a paragraph ended.</summary>
    private static string Tidy(string text)
    {
        var lines = text.Replace("\r", "", StringComparison.Ordinal)
            .Replace(ParagraphBreak.ToString(), "\n" + ParagraphBreak + "\n", StringComparison.Ordinal)
            .Split('\n')
            .Select(l => l.Trim());
        var result = new StringBuilder();
        var paragraph = false;
        foreach (var line in lines)
        {
            if (line.Length == 0 || line[0] == ParagraphBreak)
            {
                paragraph |= line.Length > 0;
                continue;
            }
            if (result.Length > 0)
            {
                result.Append(paragraph ? "\n\n" : "\n");
            }
            result.Append(line);
            paragraph = false;
        }
        return result.ToString();
    }
}
