using System.Text;
using MailCatcher.Core.Search;

namespace MailCatcher.Api.Mailpit;

/// <summary>
/// Translates Mailpit's search syntax into MailCatcher's, which shares most of it (words, "phrases",
/// from:, to:, subject:, tag:, is:read/unread, has:attachment, before:/after:, a leading -).
/// Mailpit's extras map to the nearest term: cc:, bcc:, addressed: to to:; a leading ! to -.
/// Terms with no equivalent (message-id:, reply-to:, is:tagged, larger:…) are a 400, never ignored.
/// </summary>
internal static class MailpitQuery
{
    private static readonly Dictionary<string, string> Fields = new(StringComparer.OrdinalIgnoreCase)
    {
        ["cc"] = "to", ["bcc"] = "to", ["addressed"] = "to",
    };

    /// <summary>The fields MailCatcher's language has itself (Core/Search).</summary>
    private static readonly HashSet<string> Native = new(StringComparer.OrdinalIgnoreCase) { "from", "to", "subject", "has", "is", "tag", "before", "after" };

    public static SearchQuery Translate(string? mailpitQuery)
    {
        var text = new StringBuilder();
        foreach (var token in Tokens(mailpitQuery ?? ""))
        {
            var term = token.StartsWith('!') ? "-" + token[1..] : token;
            var body = term.TrimStart('-');
            var colon = body.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0 && !body.StartsWith('"') && body[..colon].All(c => char.IsAsciiLetter(c) || c == '-'))
            {
                var name = body[..colon];
                if (Fields.TryGetValue(name, out var field))
                {
                    term = term[..(term.Length - body.Length)] + field + body[colon..];
                }
                else if (!Native.Contains(name))
                {
                    throw new SearchQueryException($"{name}: has no equivalent in MailCatcher's search");
                }
            }
            text.Append(term).Append(' ');
        }
        return SearchQueryParser.Parse(text.ToString());
    }

    /// <summary>Splits on spaces outside double quotes, keeping the quotes.</summary>
    private static IEnumerable<string> Tokens(string query)
    {
        var current = new StringBuilder();
        var quoted = false;
        foreach (var c in query)
        {
            if (c == '"')
            {
                quoted = !quoted;
            }
            if (char.IsWhiteSpace(c) && !quoted)
            {
                if (current.Length > 0)
                {
                    yield return current.ToString();
                    current.Clear();
                }
                continue;
            }
            current.Append(c);
        }
        if (current.Length > 0)
        {
            yield return current.ToString();
        }
    }
}
