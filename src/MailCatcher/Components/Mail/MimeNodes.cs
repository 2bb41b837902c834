using MimeKit;

namespace MailCatcher.Components.Mail;

/// <summary>A message's MIME entities in document order, each with its depth and IMAP-style part id.</summary>
public static class MimeNodes
{
    public sealed record Node(string PartId, int Depth, string ContentType, string? FileName, string? Disposition, string? Encoding);

    public static IReadOnlyList<Node> Of(MimeMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var nodes = new List<Node>();
        using var iterator = new MimeIterator(message);
        while (iterator.MoveNext())
        {
            var entity = iterator.Current;
            var part = entity as MimePart;
            nodes.Add(new Node(
                // A multipart body has no section number of its own (RFC 3501 §6.4.5); MimeIterator calls it 0.
                iterator.PathSpecifier == "0" ? "" : iterator.PathSpecifier,
                iterator.Depth,
                entity.ContentType.MimeType,
                part?.FileName ?? entity.ContentType.Name,
                entity.ContentDisposition?.Disposition,
                part is null || part.ContentTransferEncoding == ContentEncoding.Default ? null : part.ContentTransferEncoding.ToString().ToLowerInvariant()));
        }
        return nodes;
    }
}
