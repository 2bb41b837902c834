namespace MailCatcher.Checks.Links;

/// <summary>How one link or image URL answered.</summary>
/// <param name="Method">HEAD, or GET when HEAD was refused; null when no request was made (cid:, refused address).</param>
/// <param name="StatusCode">The final HTTP status after redirects; null when there was no answer.</param>
/// <param name="FinalUrl">Where redirects ended, when it differs from the URL.</param>
/// <param name="Error">Why there was no answer, or why a cid: reference is broken.</param>
/// <param name="Severity">Pass for a 2xx, fail for 4xx/5xx, no answer or a missing cid: part; warn for a refused private address.</param>
/// <param name="Milliseconds">How long the request took.</param>
public sealed record LinkReport(
    string Url,
    LinkKind Kind,
    int? Line,
    string? Method,
    int? StatusCode,
    string? FinalUrl,
    string? Error,
    CheckSeverity Severity,
    long Milliseconds);
