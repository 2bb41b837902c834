using System.Globalization;
using System.Text;

namespace MailCatcher.Core.Search;

/// <summary>
/// Parses the search language of design.md. Pure: text in, <see cref="SearchQuery"/> out, no I/O.
/// <code>
/// query  = *SP [ term *( 1*SP term ) ] *SP          ; terms are ANDed
/// term   = [ "-" ] ( key ":" value / value )        ; "-" negates
/// key    = "from" / "to" / "subject" / "has" / "is" / "tag" / "before" / "after"   ; any case
/// value  = DQUOTE *( qchar / "\" DQUOTE / "\\" ) DQUOTE / 1*( any char but white space )
/// </code>
/// An unknown key is not an error: <c>re:hello</c> or <c>https://x</c> is searched as free text.
/// A free word made only of punctuation (<c>*</c>, <c>@</c>) is dropped, since there is nothing in it to search for.
/// </summary>
public static class SearchQueryParser
{
    /// <summary>Longest query accepted, so that a pasted megabyte is a clear error rather than a slow search.</summary>
    public const int MaxLength = 2000;

    /// <summary>Most terms accepted in one query.</summary>
    public const int MaxTerms = 32;

    private static readonly string[] DateFormats = ["yyyy-MM-dd", "yyyy/MM/dd"];

    public static SearchQuery Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return SearchQuery.Empty;
        }
        if (text.Length > MaxLength)
        {
            throw new SearchQueryException($"The search is {text.Length} characters long; at most {MaxLength} are allowed.");
        }
        var terms = new List<SearchTerm>();
        var i = 0;
        while (true)
        {
            while (i < text.Length && char.IsWhiteSpace(text[i]))
            {
                i++;
            }
            if (i >= text.Length)
            {
                break;
            }
            if (ParseTerm(text, ref i) is { } term)
            {
                terms.Add(term);
                if (terms.Count > MaxTerms)
                {
                    throw new SearchQueryException($"The search has more than {MaxTerms} terms.", i);
                }
            }
        }
        return terms.Count == 0 ? SearchQuery.Empty : new SearchQuery(terms);
    }

    private static SearchTerm? ParseTerm(string text, ref int i)
    {
        var start = i;
        var negated = false;
        if (text[i] == '-')
        {
            negated = true;
            i++;
            if (i >= text.Length || char.IsWhiteSpace(text[i]))
            {
                throw new SearchQueryException($"A '-' at position {start + 1} must be followed by the term to exclude, as in -from:noreply@example.com.", start);
            }
        }

        if (TryReadKey(text, i) is { } key)
        {
            var valueStart = i + key.Length + 1;
            var (value, _) = ReadValue(text, ref i, valueStart);
            return FieldTerm(key.ToLowerInvariant(), value, negated, start);
        }

        var bareStart = i;
        var (word, wasQuoted) = ReadValue(text, ref i, i);
        if (wasQuoted && word.Length == 0)
        {
            throw new SearchQueryException($"The quoted phrase at position {bareStart + 1} is empty.", bareStart);
        }
        return SearchTerm.SplitWords(word).Count == 0 ? null : new SearchTerm(SearchField.Text, word, negated);
    }

    /// <summary>The known key at <paramref name="i"/>, when the text there is <c>key:</c>.</summary>
    private static string? TryReadKey(string text, int i)
    {
        var colon = text.IndexOf(':', i);
        if (colon <= i)
        {
            return null;
        }
        var candidate = text[i..colon];
        return candidate.ToLowerInvariant() switch
        {
            "from" or "to" or "subject" or "has" or "is" or "tag" or "before" or "after" => candidate,
            _ => null,
        };
    }

    /// <summary>Reads a quoted or bare value starting at <paramref name="valueStart"/> and moves <paramref name="i"/> past it.</summary>
    private static (string Value, bool Quoted) ReadValue(string text, ref int i, int valueStart)
    {
        if (valueStart < text.Length && text[valueStart] == '"')
        {
            var value = new StringBuilder();
            var j = valueStart + 1;
            while (true)
            {
                if (j >= text.Length)
                {
                    throw new SearchQueryException($"The quote opened at position {valueStart + 1} is never closed; add a closing \".", valueStart);
                }
                var c = text[j];
                if (c == '\\' && j + 1 < text.Length && text[j + 1] is '"' or '\\')
                {
                    value.Append(text[j + 1]);
                    j += 2;
                    continue;
                }
                if (c == '"')
                {
                    j++;
                    break;
                }
                value.Append(c);
                j++;
            }
            if (j < text.Length && !char.IsWhiteSpace(text[j]))
            {
                throw new SearchQueryException($"Put a space after the closing quote at position {j}.", j);
            }
            i = j;
            return (value.ToString(), true);
        }
        var end = valueStart;
        while (end < text.Length && !char.IsWhiteSpace(text[end]))
        {
            end++;
        }
        i = end;
        return (text[valueStart..end], false);
    }

    private static SearchTerm FieldTerm(string key, string value, bool negated, int position)
    {
        if (value.Length == 0)
        {
            throw new SearchQueryException($"'{key}:' at position {position + 1} needs a value, as in {Example(key)}.", position);
        }
        switch (key)
        {
            case "from":
            case "to":
            case "subject":
                if (SearchTerm.SplitWords(value).Count == 0)
                {
                    throw new SearchQueryException($"'{key}:{value}' has no letters or digits to search for.", position);
                }
                var field = key switch { "from" => SearchField.From, "to" => SearchField.To, _ => SearchField.Subject };
                return new SearchTerm(field, value, negated);
            case "tag":
                return new SearchTerm(SearchField.Tag, value.Trim(), negated);
            case "has":
                if (value.Equals("attachment", StringComparison.OrdinalIgnoreCase) || value.Equals("attachments", StringComparison.OrdinalIgnoreCase))
                {
                    return new SearchTerm(SearchField.HasAttachment, "", negated);
                }
                throw new SearchQueryException($"'has:{value}' is not known; the only one is has:attachment.", position);
            case "is":
                if (value.Equals("read", StringComparison.OrdinalIgnoreCase))
                {
                    return new SearchTerm(SearchField.IsRead, "", negated);
                }
                if (value.Equals("unread", StringComparison.OrdinalIgnoreCase))
                {
                    return new SearchTerm(SearchField.IsUnread, "", negated);
                }
                throw new SearchQueryException($"'is:{value}' is not known; use is:read or is:unread.", position);
            default: // before, after
                if (!DateTime.TryParseExact(value, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var day))
                {
                    throw new SearchQueryException($"'{key}:{value}' is not a date; write it as YYYY-MM-DD, as in {Example(key)}.", position);
                }
                return new SearchTerm(key == "before" ? SearchField.Before : SearchField.After, value, negated, DateTime.SpecifyKind(day, DateTimeKind.Utc));
        }
    }

    private static string Example(string key) => key switch
    {
        "from" => "from:alice@example.com",
        "to" => "to:example.com",
        "subject" => "subject:\"password reset\"",
        "has" => "has:attachment",
        "is" => "is:unread",
        "tag" => "tag:important",
        "before" => "before:2026-01-31",
        _ => "after:2026-01-01",
    };
}
