namespace MailCatcher.Client.Models;

/// <summary>A MIME part of a message other than its bodies.</summary>
/// <param name="PartId">The part's section number, for <see cref="MailCatcherClient.GetPartAsync"/>.</param>
/// <param name="FileName">Its file name, when it has one.</param>
/// <param name="ContentType">Its MIME type.</param>
/// <param name="Size">Decoded size in bytes.</param>
/// <param name="ContentId">Its Content-ID, when it has one.</param>
/// <param name="Inline">True when shown inside the message rather than attached.</param>
public sealed record Attachment(string PartId, string? FileName, string ContentType, long Size, string? ContentId, bool Inline);
