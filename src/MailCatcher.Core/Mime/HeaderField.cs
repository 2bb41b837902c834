namespace MailCatcher.Core.Mime;

/// <summary>A header field with its value decoded (RFC 2047 encoded words, folding removed).</summary>
public sealed record HeaderField(string Name, string Value);
