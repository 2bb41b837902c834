namespace MailCatcher.Core.Search;

/// <summary>One term of a search; a query matches when every term does.</summary>
/// <param name="Field">What the term looks at.</param>
/// <param name="Value">The text to look for (without quotes); empty for <c>has:</c> and <c>is:</c> terms.</param>
/// <param name="Negated">True for a leading <c>-</c>: the term must not match.</param>
/// <param name="Time">For <c>before:</c> and <c>after:</c>, the UTC instant compared with the received time.</param>
public sealed record SearchTerm(SearchField Field, string Value, bool Negated = false, DateTime? Time = null)
{
    /// <summary>
    /// The words of <see cref="Value"/> as a full-text index sees them: runs of letters and digits
    /// (with their combining marks). Punctuation separates words and is never searched for, so
    /// <c>alice@example.com</c> is the words <c>alice example com</c> in that order.
    /// </summary>
    public IReadOnlyList<string> Words => SplitWords(Value);

    public static IReadOnlyList<string> SplitWords(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var words = new List<string>();
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var inWord = i < text.Length && IsWordChar(text, i);
            if (inWord && start < 0)
            {
                start = i;
            }
            else if (!inWord && start >= 0)
            {
                words.Add(text[start..i]);
                start = -1;
            }
        }
        return words;
    }

    private static bool IsWordChar(string text, int index)
    {
        var c = text[index];
        if (char.IsSurrogate(c))
        {
            // Letters outside the BMP (CJK extensions, emoji are not letters): keep the pair together.
            return char.IsLetterOrDigit(text, char.IsHighSurrogate(c) ? index : index - 1);
        }
        return char.GetUnicodeCategory(c) switch
        {
            System.Globalization.UnicodeCategory.NonSpacingMark
                or System.Globalization.UnicodeCategory.SpacingCombiningMark
                or System.Globalization.UnicodeCategory.EnclosingMark => true,
            _ => char.IsLetterOrDigit(c),
        };
    }
}
