using MimeKit;

namespace MailCatcher.Checks.SenderRules;

/// <summary>
/// One-click unsubscribe for bulk mail: a List-Unsubscribe header with an HTTPS URI and
/// List-Unsubscribe-Post: List-Unsubscribe=One-Click (RFC 8058 §3.1), which Gmail and Yahoo
/// require of bulk senders since February 2024 (RFC 2369 defines List-Unsubscribe).
/// </summary>
internal static class BulkSenderRules
{
    private static readonly Uri Rfc8058 = new("https://www.rfc-editor.org/rfc/rfc8058#section-3.1");

    public static IEnumerable<CheckItem> Check(MimeMessage message)
    {
        var why = WhyBulk(message);
        var unsubscribe = message.Headers[HeaderId.ListUnsubscribe];
        var post = message.Headers["List-Unsubscribe-Post"];
        if (why is null && unsubscribe is null)
        {
            yield return new CheckItem(CheckSeverity.Pass, "One-click unsubscribe",
                "The message does not look like bulk mail (no Precedence: bulk or list, no List-Id, no List-Unsubscribe, no unsubscribe link), so it needs no List-Unsubscribe.",
                Url: Rfc8058);
            yield break;
        }
        var bulk = why ?? "it has a List-Unsubscribe header";
        if (unsubscribe is null)
        {
            yield return new CheckItem(CheckSeverity.Fail, "One-click unsubscribe",
                $"The message looks like bulk mail ({bulk}) but has no List-Unsubscribe header; Gmail and Yahoo require one-click unsubscribe of bulk senders.",
                "Add List-Unsubscribe: <https://...> and List-Unsubscribe-Post: List-Unsubscribe=One-Click.", "List-Unsubscribe", Url: Rfc8058);
            yield break;
        }
        var uris = ListUris(unsubscribe);
        var https = uris.FirstOrDefault(u => u.StartsWith("https://", StringComparison.OrdinalIgnoreCase));
        var oneClick = post is not null && post.Trim().Equals("List-Unsubscribe=One-Click", StringComparison.OrdinalIgnoreCase);
        if (https is null)
        {
            yield return new CheckItem(CheckSeverity.Fail, "One-click unsubscribe",
                $"List-Unsubscribe has no HTTPS URI ({(uris.Count == 0 ? "none in angle brackets" : string.Join(", ", uris))}); one-click unsubscribe needs one (RFC 8058 §3.1).",
                "Add an HTTPS URI in angle brackets that unsubscribes on a POST.", "List-Unsubscribe", Url: Rfc8058);
        }
        else if (!oneClick)
        {
            yield return new CheckItem(CheckSeverity.Fail, "One-click unsubscribe",
                post is null
                    ? "List-Unsubscribe has an HTTPS URI but there is no List-Unsubscribe-Post header, so receivers cannot unsubscribe in one click (RFC 8058 §3.1)."
                    : $"List-Unsubscribe-Post is \"{post.Trim()}\"; RFC 8058 §3.1 requires exactly List-Unsubscribe=One-Click.",
                "Add List-Unsubscribe-Post: List-Unsubscribe=One-Click.", "List-Unsubscribe-Post", Url: Rfc8058);
        }
        else
        {
            yield return new CheckItem(CheckSeverity.Pass, "One-click unsubscribe",
                $"The message is bulk mail ({bulk}) and offers one-click unsubscribe at {https}.", Url: Rfc8058);
        }
        if (message.Headers.Contains(HeaderId.ListUnsubscribe) && !IsSigned(message, "list-unsubscribe"))
        {
            yield return new CheckItem(CheckSeverity.Info, "Unsubscribe headers signed",
                "RFC 8058 §4 asks for List-Unsubscribe and List-Unsubscribe-Post to be covered by a DKIM signature; no signature here covers them.",
                "Add both headers to the DKIM signed-headers list in production.", "DKIM-Signature", Url: new Uri("https://www.rfc-editor.org/rfc/rfc8058#section-4"));
        }
    }

    /// <summary>
    /// Why the message is bulk mail, or null: Precedence bulk/list/junk (RFC 2076), a List-Id
    /// (RFC 2919), or an "unsubscribe" link or word in the body. Heuristics: a receiver decides by
    /// volume, which one message cannot show.
    /// </summary>
    internal static string? WhyBulk(MimeMessage message)
    {
        var precedence = message.Headers[HeaderId.Precedence]?.Trim().ToLowerInvariant();
        if (precedence is "bulk" or "list" or "junk")
        {
            return $"Precedence: {precedence}";
        }
        if (message.Headers.Contains(HeaderId.ListId))
        {
            return "it has a List-Id";
        }
        var body = SafeBody(message);
        return body.Contains("unsubscribe", StringComparison.OrdinalIgnoreCase) ? "its body mentions unsubscribing" : null;
    }

    private static string SafeBody(MimeMessage message)
    {
        try
        {
            return (message.TextBody ?? "") + (message.HtmlBody ?? "");
        }
        catch (Exception e) when (e is FormatException or ArgumentException or NotSupportedException)
        {
            return "";
        }
    }

    /// <summary>The URIs of a List-Unsubscribe value, each in angle brackets (RFC 2369 §2).</summary>
    private static List<string> ListUris(string value)
    {
        var uris = new List<string>();
        var at = 0;
        while ((at = value.IndexOf('<', at)) >= 0)
        {
            var close = value.IndexOf('>', at);
            if (close < 0)
            {
                break;
            }
            uris.Add(value[(at + 1)..close].Trim());
            at = close;
        }
        return uris;
    }

    private static bool IsSigned(MimeMessage message, string header)
        => message.Headers.Where(h => h.Id == HeaderId.DkimSignature)
            .Any(h => h.Value.Replace(" ", "", StringComparison.Ordinal).Split(';')
                .Any(tag => tag.Trim().StartsWith("h=", StringComparison.Ordinal)
                    && tag.Trim()[2..].Split(':').Any(n => n.Trim().Equals(header, StringComparison.OrdinalIgnoreCase))));
}
