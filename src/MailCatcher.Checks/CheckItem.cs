namespace MailCatcher.Checks;

/// <summary>One finding of a check: what was found, why it matters and what to do about it.</summary>
/// <param name="Severity">How much it matters.</param>
/// <param name="What">What was found, in a sentence or a short name (a feature, a rule, a header).</param>
/// <param name="Why">Why it matters.</param>
/// <param name="Fix">What to do about it; null when there is nothing to do.</param>
/// <param name="Location">Where it is, in words (a header, a part, a URL); null when it is about the whole message.</param>
/// <param name="Line">The line of the HTML body it is on, counted from 1, when it is in the HTML.</param>
/// <param name="Clients">The email clients it breaks in (HTML compatibility only).</param>
/// <param name="Url">Where to read more about it.</param>
public sealed record CheckItem(
    CheckSeverity Severity,
    string What,
    string Why,
    string? Fix = null,
    string? Location = null,
    int? Line = null,
    IReadOnlyList<string>? Clients = null,
    Uri? Url = null);
