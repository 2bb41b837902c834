using System.Globalization;
using MailCatcher.Core.Messages;
using MailCatcher.Core.Mime;
using MailCatcher.Storage.Entities;
using MailCatcher.Storage.Queries;
using MimeKit;

namespace MailCatcher.Api.Mailpit;

/// <summary>MailCatcher's records in Mailpit's shapes.</summary>
internal static class MailpitMapper
{
    public static MailpitListItem ToListItem(MessageSummary message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return new MailpitListItem(Id(message.Id), "", message.IsRead, Address(message.From), Addresses(message.To), Addresses(message.Cc), [], [],
            message.Subject, message.ReceivedAt, message.Tags, message.Size, message.AttachmentCount, message.Snippet);
    }

    public static MailpitMessage ToMessage(StoredMessage row, MessageView view)
    {
        ArgumentNullException.ThrowIfNull(row);
        ArgumentNullException.ThrowIfNull(view);
        var summary = MessageMapper.ToSummary(row);
        // Bcc: the envelope recipients no header names, as Mailpit reports them.
        var named = summary.To.Concat(summary.Cc).Select(a => a.Address).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var bcc = summary.EnvelopeTo.Where(a => !named.Contains(a)).Select(a => new MailpitAddress("", a)).ToList();
        var replyTo = view.Headers.Where(h => h.Name.Equals("Reply-To", StringComparison.OrdinalIgnoreCase))
            .SelectMany(h => InternetAddressList.TryParse(h.Value, out var list) ? list.Mailboxes.Select(m => new MailpitAddress(m.Name ?? "", m.Address)) : [])
            .ToList();
        return new MailpitMessage(Id(row.Id), row.MessageIdHeader ?? "", Address(summary.From), Addresses(summary.To), Addresses(summary.Cc), bcc, replyTo,
            summary.EnvelopeFrom, summary.Subject, row.Date, summary.Tags, view.TextBody ?? "", view.HtmlBody ?? "", summary.Size,
            [.. view.Parts.Where(p => p.Inline).Select(Part)], [.. view.Parts.Where(p => !p.Inline).Select(Part)]);
    }

    private static MailpitPart Part(MessagePartInfo part) => new(part.PartId, part.FileName ?? "", part.ContentType, part.ContentId ?? "", part.Size);

    private static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);

    private static MailpitAddress? Address(EmailAddress? address) => address is null ? null : new MailpitAddress(address.Name, address.Address);

    private static List<MailpitAddress> Addresses(IReadOnlyList<EmailAddress> addresses) => [.. addresses.Select(a => new MailpitAddress(a.Name, a.Address))];
}
