namespace MailCatcher.Core.Mime;

/// <summary>An attachment or inline part of a message (design.md, message detail <c>attachments</c>).</summary>
/// <param name="PartId">The part's IMAP-style section number (RFC 3501 §6.4.5), e.g. <c>2</c> or <c>1.3</c>.</param>
/// <param name="Size">Decoded size in bytes.</param>
/// <param name="Inline">True when the part is shown inside the message (Content-Disposition inline or none) rather than attached.</param>
public sealed record MessagePartInfo(string PartId, string? FileName, string ContentType, long Size, string? ContentId, bool Inline);
