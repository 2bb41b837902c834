namespace MailCatcher.Checks.Html;

/// <summary>
/// Reads the words of one CSS property value as AngleSharp.Css serialised it: function names
/// (<c>calc(</c>), dimension units (<c>12px</c>) and bare keywords, skipping strings and URLs. A
/// small lexer over CSS tokens (CSS Syntax Level 3 §4), not a pattern match on the markup.
/// </summary>
internal static class CssValueScanner
{
    public static void Scan(string value, Action<string> onFunction, Action<string> onUnit, Action<string> onKeyword)
    {
        var i = 0;
        while (i < value.Length)
        {
            var c = value[i];
            if (c is '"' or '\'')
            {
                i = SkipString(value, i);
            }
            else if (char.IsAsciiDigit(c) || (c == '.' && i + 1 < value.Length && char.IsAsciiDigit(value[i + 1])))
            {
                var start = i;
                while (i < value.Length && (char.IsAsciiDigit(value[i]) || value[i] == '.'))
                {
                    i++;
                }
                var unitStart = i;
                while (i < value.Length && (char.IsAsciiLetter(value[i]) || value[i] == '%'))
                {
                    i++;
                }
                if (i > unitStart && (start == 0 || !IsNameChar(value[start - 1])))
                {
                    onUnit(value[unitStart..i].ToLowerInvariant());
                }
            }
            else if (IsNameStart(c))
            {
                var start = i;
                while (i < value.Length && IsNameChar(value[i]))
                {
                    i++;
                }
                var name = value[start..i].ToLowerInvariant();
                if (i < value.Length && value[i] == '(')
                {
                    onFunction(name);
                    if (name == "url")
                    {
                        i = SkipParenthesis(value, i);
                    }
                }
                else
                {
                    onKeyword(name);
                }
            }
            else
            {
                i++;
            }
        }
    }

    private static bool IsNameStart(char c) => char.IsAsciiLetter(c) || c is '-' or '_';

    private static bool IsNameChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '-' or '_';

    private static int SkipString(string value, int start)
    {
        var quote = value[start];
        var i = start + 1;
        while (i < value.Length && value[i] != quote)
        {
            i += value[i] == '\\' ? 2 : 1;
        }
        return Math.Min(i + 1, value.Length);
    }

    private static int SkipParenthesis(string value, int open)
    {
        var close = value.IndexOf(')', open);
        return close < 0 ? value.Length : close + 1;
    }
}
