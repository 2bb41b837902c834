namespace MailCatcher.Checks.Links;

/// <summary>A URL found in a message, before it is checked.</summary>
/// <param name="Line">The HTML body line, when it came from the HTML.</param>
public sealed record FoundLink(string Url, LinkKind Kind, int? Line);
