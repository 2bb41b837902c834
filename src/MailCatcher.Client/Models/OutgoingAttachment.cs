namespace MailCatcher.Client.Models;

/// <summary>A file of an <see cref="OutgoingMessage"/>.</summary>
/// <param name="Name">The file name.</param>
/// <param name="Content">The file's bytes.</param>
/// <param name="ContentType">The MIME type (the server assumes application/octet-stream when null).</param>
/// <param name="ContentId">A Content-ID that makes the part inline, for <c>cid:</c> references from the HTML.</param>
public sealed record OutgoingAttachment(string Name, byte[] Content, string? ContentType = null, string? ContentId = null);
