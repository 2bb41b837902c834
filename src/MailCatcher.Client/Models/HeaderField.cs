namespace MailCatcher.Client.Models;

/// <summary>A header field, decoded.</summary>
/// <param name="Name">The field name.</param>
/// <param name="Value">The decoded value.</param>
public sealed record HeaderField(string Name, string Value);
