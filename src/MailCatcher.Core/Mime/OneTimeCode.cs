namespace MailCatcher.Core.Mime;

/// <summary>A likely one-time code in a message (design.md: codes <c>[{ code, context }]</c>).</summary>
/// <param name="Code">The code as written, e.g. <c>482913</c>, <c>123-456</c> or <c>K7Q2XZ</c>.</param>
/// <param name="Context">The words around it, so a person can see why it was picked.</param>
public sealed record OneTimeCode(string Code, string Context);
