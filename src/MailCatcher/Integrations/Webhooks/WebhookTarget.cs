using System.Text.RegularExpressions;
using MailCatcher.Core.Search;

namespace MailCatcher.Integrations.Webhooks;

/// <summary>
/// One configured webhook: where to POST, which messages (a search in MailCatcher's language;
/// every message when empty) and the secret that signs the body, if any.
/// </summary>
internal sealed partial record WebhookTarget(Uri Url, string? QueryText, SearchQuery Query, string? Secret)
{
    /// <summary>
    /// Parses <c>URL [q=QUERY] [secret=SECRET]</c>, the form of <c>--webhook</c>. The query runs to
    /// the next <c>secret=</c> (so it may hold spaces); the secret is one word.
    /// </summary>
    /// <exception cref="FormatException">The URL is not absolute http(s), a part is unknown, or the query is malformed.</exception>
    public static WebhookTarget Parse(string spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var text = spec.Trim();
        var urlEnd = text.IndexOfAny([' ', '\t']);
        var urlText = urlEnd < 0 ? text : text[..urlEnd];
        var rest = urlEnd < 0 ? "" : text[urlEnd..];
        string? query = null;
        string? secret = null;
        var markers = Marker().Matches(rest);
        if (markers.Count == 0 && rest.Trim().Length > 0 || markers.Count > 0 && rest[..markers[0].Index].Trim().Length > 0)
        {
            throw new FormatException($"webhook \"{spec}\": after the URL only q=QUERY and secret=SECRET may follow.");
        }
        for (var i = 0; i < markers.Count; i++)
        {
            var start = markers[i].Index + markers[i].Length;
            var end = i + 1 < markers.Count ? markers[i + 1].Index : rest.Length;
            var value = rest[start..end].Trim();
            if (markers[i].Groups[1].Value == "q")
            {
                query = value;
            }
            else
            {
                secret = value.Length == 0 || value.Any(char.IsWhiteSpace)
                    ? throw new FormatException($"webhook {urlText}: secret= takes one word.")
                    : value;
            }
        }
        return Create(urlText, query, secret);
    }

    /// <summary>Builds a target from its parts (the object form of the <c>Webhooks</c> section).</summary>
    public static WebhookTarget Create(string? url, string? query, string? secret)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            throw new FormatException($"webhook \"{url}\" is not an absolute http:// or https:// URL.");
        }
        SearchQuery parsed;
        try
        {
            parsed = SearchQueryParser.Parse(query);
        }
        catch (SearchQueryException e)
        {
            throw new FormatException($"webhook {uri}: the query \"{query}\" is malformed: {e.Message}", e);
        }
        return new WebhookTarget(uri, string.IsNullOrWhiteSpace(query) ? null : query.Trim(), parsed, string.IsNullOrEmpty(secret) ? null : secret);
    }

    /// <summary>The URL as shown in the API and UI: without user information, which could hold a password.</summary>
    public string DisplayUrl => string.IsNullOrEmpty(Url.UserInfo) ? Url.ToString() : new UriBuilder(Url) { UserName = "", Password = "" }.Uri.ToString();

    [GeneratedRegex(@"(?:^|\s)(q|secret)=", RegexOptions.CultureInvariant)]
    private static partial Regex Marker();
}
