namespace MailCatcher.Api;

/// <summary>
/// OpenAPI descriptions of the message-check shapes (issue 15). Their fields reuse names the rest of
/// the API gives another meaning (<c>status</c> is a check's verdict, not an HTTP code), so these win
/// for types of the MailCatcher.Checks assembly.
/// </summary>
internal static class ChecksDocumentation
{
    private static readonly Dictionary<string, string> Types = new(StringComparer.Ordinal)
    {
        ["MessageChecks"] = "Every offline check of a message.",
        ["CheckResult"] = "A check's verdict, summary and findings.",
        ["CheckItem"] = "One finding of a check: what, why, what to do, where.",
        ["HtmlCheckResult"] = "Which HTML and CSS features email clients do not support (caniemail data).",
        ["ClientFamilySupport"] = "How well one client family supports the features used.",
        ["DkimCheckResult"] = "DKIM signatures and the ARC chain, verified.",
        ["DkimSignatureReport"] = "One DKIM signature and how it verified.",
        ["SpamCheckResult"] = "SpamAssassin's score, threshold and rules.",
        ["SpamRule"] = "One SpamAssassin rule that fired.",
        ["LinkCheckResult"] = "Every link and image URL, requested.",
        ["LinkReport"] = "How one URL answered.",
    };

    private static readonly Dictionary<string, string> Fields = new(StringComparer.Ordinal)
    {
        ["status"] = "The verdict: pass, warn, fail, error (the check could not run) or skipped (did not apply, or not configured).",
        ["summary"] = "One sentence to read first.",
        ["items"] = "The findings, worst first.",
        ["severity"] = "pass (a rule that holds), info, warn or fail.",
        ["what"] = "What was found: a feature, a rule, a header, a URL.",
        ["why"] = "Why it matters.",
        ["fix"] = "What to do about it (null when nothing).",
        ["location"] = "Where it is, in words (lines, a header, a part).",
        ["line"] = "The HTML body line (from 1), when it is in the HTML.",
        ["clients"] = "HTML check: the clients it breaks in; per family: support figures.",
        ["url"] = "Where to read more; for a link report, the URL checked.",
        ["failures"] = "How many findings fail, over all checks.",
        ["warnings"] = "How many findings warn, over all checks.",
        ["checkedAt"] = "When the checks ran (UTC); results are cached per message.",
        ["supportPercent"] = "Share of the used features the family supports, partial support counting half.",
        ["unsupported"] = "How many used features fail on at least one of the family's platforms.",
        ["featuresUsed"] = "How many distinct caniemail features the HTML uses.",
        ["dataUpdated"] = "When the shipped caniemail data was last updated.",
        ["signatures"] = "One report per DKIM-Signature header.",
        ["arc"] = "The ARC chain verdict (none, pass, fail, nokey); null without ARC headers.",
        ["usedDns"] = "Whether keys were looked up in DNS.",
        ["bodyHashMatches"] = "Whether the body hash (bh=) matches; null when it could not be computed.",
        ["outcome"] = "pass, fail, noKey or invalid.",
        ["reason"] = "Why, in a sentence.",
        ["signedHeaders"] = "The signed header fields (h=).",
        ["score"] = "SpamAssassin's score.",
        ["threshold"] = "The score at which spamd calls a message spam.",
        ["isSpam"] = "Whether spamd calls it spam.",
        ["rules"] = "The rules that fired, highest points first.",
        ["points"] = "Points the rule added (negative points lower the score).",
        ["links"] = "One report per URL.",
        ["skipped"] = "URLs not requested because of the bound on how many.",
        ["method"] = "HEAD, or GET when the server refused HEAD; null when nothing was requested.",
        ["statusCode"] = "The final HTTP status after redirects.",
        ["finalUrl"] = "Where redirects ended, when elsewhere.",
        ["error"] = "Why there was no answer, or why a cid: reference is broken.",
        ["milliseconds"] = "How long the request took.",
    };

    private static bool IsCheckType(Type type) => type.Assembly == typeof(MailCatcher.Checks.CheckResult).Assembly;

    public static string? TypeDescription(Type type) => IsCheckType(type) ? Types.GetValueOrDefault(type.Name) : null;

    public static string? FieldDescription(Type type, string field) => IsCheckType(type) ? Fields.GetValueOrDefault(field) : null;
}
