namespace MailCatcher.Client.Models.Checks;

/// <summary>How one link or image URL answered; Kind is link or image.</summary>
/// <param name="Url">Where to read more; for a link report, the URL checked.</param>
/// <param name="Kind">link or image.</param>
/// <param name="Line">The HTML body line (from 1), when it is in the HTML.</param>
/// <param name="Method">HEAD or GET; null when nothing was requested.</param>
/// <param name="StatusCode">The final HTTP status.</param>
/// <param name="FinalUrl">Where redirects ended, when elsewhere.</param>
/// <param name="Error">Why there was no answer.</param>
/// <param name="Severity">How much it matters.</param>
/// <param name="Milliseconds">How long the request took.</param>
public sealed record LinkReport(string Url, string Kind, int? Line, string? Method, int? StatusCode, string? FinalUrl, string? Error, CheckSeverity Severity, long Milliseconds);
