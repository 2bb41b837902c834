using System.Net;
using System.Text.RegularExpressions;

namespace MailCatcher.Core.Mime;

/// <summary>Plain text out of captured HTML: scripts, styles and tags removed, entities decoded. Never throws for hostile input.</summary>
public static partial class HtmlText
{
    public static string ToText(string html)
    {
        ArgumentNullException.ThrowIfNull(html);
        try
        {
            var withoutBlocks = HiddenBlocks().Replace(html, " ");
            var withBreaks = LineBreaks().Replace(withoutBlocks, "\n");
            var withoutTags = Tags().Replace(withBreaks, " ");
            return WebUtility.HtmlDecode(withoutTags);
        }
        catch (RegexMatchTimeoutException)
        {
            return "";
        }
    }

    /// <summary>Runs of white space as one space, trimmed.</summary>
    public static string Collapse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        try
        {
            return Whitespace().Replace(text, " ").Trim();
        }
        catch (RegexMatchTimeoutException)
        {
            return text.Trim();
        }
    }

    [GeneratedRegex(@"<(script|style|head)\b[^>]*>.*?</\1\s*>", RegexOptions.IgnoreCase | RegexOptions.Singleline, matchTimeoutMilliseconds: 1000)]
    private static partial Regex HiddenBlocks();

    [GeneratedRegex(@"<(br|/p|/div|/tr|/li|/h[1-6])\b[^>]*>", RegexOptions.IgnoreCase, matchTimeoutMilliseconds: 1000)]
    private static partial Regex LineBreaks();

    [GeneratedRegex("<[^>]*>", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Tags();

    [GeneratedRegex(@"\s+", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Whitespace();
}
