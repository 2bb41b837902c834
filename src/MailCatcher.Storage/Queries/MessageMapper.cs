using MailCatcher.Core.Messages;
using MailCatcher.Storage.Database;
using MailCatcher.Storage.Entities;

namespace MailCatcher.Storage.Queries;

/// <summary>Turns stored rows into the shapes of the API contract.</summary>
public static class MessageMapper
{
    public static MessageSummary ToSummary(StoredMessage row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return new MessageSummary
        {
            Id = row.Id,
            ReceivedAt = row.ReceivedAt,
            SessionId = row.SessionId,
            From = row.FromAddress is null ? null : new EmailAddress(row.FromName ?? "", row.FromAddress),
            To = StorageJson.Deserialize<List<EmailAddress>>(row.ToJson),
            Cc = StorageJson.Deserialize<List<EmailAddress>>(row.CcJson),
            EnvelopeFrom = row.EnvelopeFrom,
            EnvelopeTo = StorageJson.Deserialize<List<string>>(row.EnvelopeToJson),
            Subject = row.Subject,
            Size = row.Size,
            Snippet = row.Snippet,
            AttachmentCount = row.AttachmentCount,
            IsRead = row.IsRead,
            Tags = StorageJson.Deserialize<List<string>>(row.TagsJson),
            InboxId = row.InboxId,
        };
    }
}
