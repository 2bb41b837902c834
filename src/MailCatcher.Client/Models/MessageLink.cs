namespace MailCatcher.Client.Models;

/// <summary>A link in a message's HTML or text body.</summary>
/// <param name="Url">Where it points.</param>
/// <param name="Text">Its visible text (for a bare URL in text, the words before it).</param>
public sealed record MessageLink(string Url, string Text);
