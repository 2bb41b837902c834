using MimeKit;

namespace MailCatcher.Components.Mail;

/// <summary>A message's MIME entities in document order, each with its depth and IMAP-style part id.</summary>
public static class MimeNodes
{
    public sealed record Node(string PartId, int Depth, string ContentType, string? FileName, string? Disposition, string? Encoding);

    public static IReadOnlyList<Node> Of(MimeMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var nodes = new List<Node> { new("", 0, "message/rfc822", null, null, null) };
        using var iterator = new MimeIterator(message);
        while (iterator.MoveNext())
        {
            var entity = iterator.Current;
            var part = entity as MimePart;
            nodes.Add(new Node(
                iterator.PathSpecifier,
                iterator.Depth + 1,
                entity.ContentType.MimeType,
                part?.FileName ?? entity.ContentType.Name,
                entity.ContentDisposition?.Disposition,
                part is null || part.ContentTransferEncoding == ContentEncoding.Default ? null : part.ContentTransferEncoding.ToString().ToLowerInvariant()));
        }
        return nodes;
    }
}
