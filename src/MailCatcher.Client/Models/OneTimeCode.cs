namespace MailCatcher.Client.Models;

/// <summary>A likely one-time code in a message.</summary>
/// <param name="Code">The code as written.</param>
/// <param name="Context">The words around it.</param>
public sealed record OneTimeCode(string Code, string Context);
