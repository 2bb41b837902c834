namespace MailCatcher.Checks.Html;

/// <summary>One use of a caniemail feature in a message's HTML.</summary>
/// <param name="Title">The caniemail feature title.</param>
/// <param name="Line">The HTML body line it is on (from 1); 0 when unknown.</param>
/// <param name="Context">What was seen, e.g. <c>&lt;video&gt;</c> or <c>display: flex</c> or <c>.a:hover</c>.</param>
public sealed record FeatureUse(string Title, int Line, string Context);
