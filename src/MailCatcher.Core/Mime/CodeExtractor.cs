using System.Text.RegularExpressions;

namespace MailCatcher.Core.Mime;

/// <summary>
/// Finds the one-time codes a message most likely carries, best first. A candidate is a run of
/// 4–8 digits, <c>123-456</c> / <c>123 456</c>, or 5–10 capitals and digits with at least one of
/// each. It scores by how close it stands to a word such as code, OTP, verification or PIN (before
/// it counts more than after), by its shape (six digits is the most common), and loses points for
/// looking like a year, an amount, a time, a date or an order number. Codes inside URLs and
/// addresses are never candidates. When the message has no such word, only six-to-eight-digit
/// numbers are offered. Pure: text in, codes out.
/// </summary>
public static partial class CodeExtractor
{
    public const int MaxCodes = 10;

    private const int Window = 60;
    private const int ContextRadius = 50;

    public static IReadOnlyList<OneTimeCode> Extract(string? subject, string? text, string? html)
    {
        var body = !string.IsNullOrWhiteSpace(text) ? text : html is null ? "" : HtmlText.ToText(html);
        var source = (subject ?? "") + "\n" + body;
        if (source.Length > 200_000)
        {
            source = source[..200_000];
        }
        try
        {
            return Find(Blank(source));
        }
        catch (RegexMatchTimeoutException)
        {
            return [];
        }
    }

    private static List<OneTimeCode> Find(string source)
    {
        var keywords = Keywords().Matches(source).Select(m => (Start: m.Index, End: m.Index + m.Length)).ToList();
        var best = new Dictionary<string, (int Score, int Position, string Context)>(StringComparer.Ordinal);
        var candidates = Candidates().Matches(source).Where(c => !IsPartOfNumber(source, c.Index, c.Index + c.Length)).ToList();
        for (var i = 0; i < candidates.Count; i++)
        {
            var candidate = candidates[i];
            var code = candidate.Value;
            // A keyword speaks for the nearest candidate only: "PIN: 7731 © 2026" is about 7731.
            var previousEnd = i > 0 ? candidates[i - 1].Index + candidates[i - 1].Length : 0;
            var nextStart = i + 1 < candidates.Count ? candidates[i + 1].Index : source.Length;
            var nearness = Nearness(keywords, candidate.Index, candidate.Index + code.Length, previousEnd, nextStart);
            var score = nearness + Shape(code) + Surroundings(source, candidate.Index, candidate.Index + code.Length);
            var digitsOnly = code.All(char.IsAsciiDigit);
            var acceptable = nearness > 0 ? score > 0 : digitsOnly && code.Length >= 6 && score >= 3;
            if (!acceptable)
            {
                continue;
            }
            if (!best.TryGetValue(code, out var previous) || previous.Score < score)
            {
                best[code] = (score, candidate.Index, Context(source, candidate.Index, code.Length));
            }
        }
        return [.. best
            .OrderByDescending(b => b.Value.Score)
            .ThenBy(b => b.Value.Position)
            .Take(MaxCodes)
            .Select(b => new OneTimeCode(b.Key, b.Value.Context))];
    }

    /// <summary>10–20 points for a keyword just before the code, fewer as it gets further away or comes after.</summary>
    private static int Nearness(List<(int Start, int End)> keywords, int start, int end, int previousEnd, int nextStart)
    {
        var best = 0;
        foreach (var (kStart, kEnd) in keywords)
        {
            if (kStart < previousEnd || kEnd > nextStart)
            {
                continue;
            }
            if (kEnd <= start && start - kEnd <= Window)
            {
                best = Math.Max(best, 20 - ((start - kEnd) / 6));
            }
            else if (kStart >= end && kStart - end <= Window / 2)
            {
                best = Math.Max(best, 12 - ((kStart - end) / 6));
            }
        }
        return best;
    }

    private static int Shape(string code)
    {
        var digits = code.Count(char.IsAsciiDigit);
        if (digits == code.Length)
        {
            if (code.Length == 4 && (code.StartsWith("19", StringComparison.Ordinal) || code.StartsWith("20", StringComparison.Ordinal)))
            {
                return -8; // most likely a year
            }
            return code.Length == 6 ? 4 : code.Length is 4 or 8 ? 2 : 1;
        }
        if (code.Contains('-', StringComparison.Ordinal) || code.Contains(' ', StringComparison.Ordinal))
        {
            return 3;
        }
        return 0; // letters and digits: only with a keyword nearby
    }

    /// <summary>Amounts, percentages, times and order numbers are not codes.</summary>
    private static int Surroundings(string source, int start, int end)
    {
        var before = start > 0 ? source[start - 1] : ' ';
        var twoBefore = start > 1 ? source[start - 2] : ' ';
        var after = end < source.Length ? source[end] : ' ';
        var score = 0;
        if (before is '$' or '€' or '£' or '¥' || twoBefore is '$' or '€' or '£' || after is '%' || after is '€')
        {
            score -= 30;
        }
        if (before == '#' || twoBefore == '#')
        {
            score -= 4;
        }
        return score;
    }

    /// <summary>True when the candidate is a piece of a longer number: <c>12:30</c>, <c>2026-11-28</c>, <c>1.234,56</c>.</summary>
    private static bool IsPartOfNumber(string source, int start, int end)
    {
        static bool Joiner(char c) => c is ':' or '/' or '.' or ',' or '-';
        if (start >= 2 && Joiner(source[start - 1]) && char.IsAsciiDigit(source[start - 2]))
        {
            return true;
        }
        return end + 1 < source.Length && Joiner(source[end]) && char.IsAsciiDigit(source[end + 1]);
    }

    private static string Context(string source, int index, int length)
    {
        var from = Math.Max(0, index - ContextRadius);
        var to = Math.Min(source.Length, index + length + ContextRadius);
        var context = HtmlText.Collapse(source[from..to]);
        return (from > 0 ? "…" : "") + context + (to < source.Length ? "…" : "");
    }

    /// <summary>URLs and e-mail addresses blanked out (same length, so positions hold): their digits are not codes.</summary>
    private static string Blank(string source) => UrlsAndAddresses().Replace(source, m => new string(' ', m.Length));

    [GeneratedRegex(@"\b(?:one[- ]?time|otp|passcode|pass code|code|codes|verification|verify|pin|security|2fa|mfa|token|authenticat\w*|sign[- ]?in|log[- ]?in|confirm\w*|password|kod|código|codice|Bestätigungscode|验证码)\b", RegexOptions.IgnoreCase, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Keywords();

    [GeneratedRegex(@"(?<![\w-])(?:\d{3}[- ]\d{3}|\d{4,8}|(?=[A-Z0-9]{0,9}\d)(?=[A-Z0-9]{0,9}[A-Z])[A-Z0-9]{5,10})(?![\w-])", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Candidates();

    [GeneratedRegex(@"(?:https?://|www\.)\S+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+", RegexOptions.IgnoreCase, matchTimeoutMilliseconds: 1000)]
    private static partial Regex UrlsAndAddresses();
}
