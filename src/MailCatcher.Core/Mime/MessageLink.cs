namespace MailCatcher.Core.Mime;

/// <summary>A link found in a message (design.md: links <c>[{ url, text }]</c>).</summary>
/// <param name="Url">The target, entities decoded.</param>
/// <param name="Text">For an HTML link, its visible text (or an image's alt text); for a bare URL in the text body, the words before it on its line, or the URL itself.</param>
public sealed record MessageLink(string Url, string Text);
