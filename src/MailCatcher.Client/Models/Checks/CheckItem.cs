namespace MailCatcher.Client.Models.Checks;

/// <summary>One finding of a check: what was found, why it matters, what to do, and where.</summary>
/// <param name="Severity">How much it matters.</param>
/// <param name="What">What was found: a feature, a rule, a header, a URL.</param>
/// <param name="Why">Why it matters.</param>
/// <param name="Fix">What to do about it, when there is something.</param>
/// <param name="Location">Where it is, in words.</param>
/// <param name="Line">The HTML body line (from 1), when it is in the HTML.</param>
/// <param name="Clients">HTML: the clients it breaks in; per family: support figures.</param>
/// <param name="Url">Where to read more; for a link report, the URL checked.</param>
public sealed record CheckItem(CheckSeverity Severity, string What, string Why, string? Fix, string? Location, int? Line, IReadOnlyList<string>? Clients, Uri? Url);
