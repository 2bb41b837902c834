using MailCatcher.Core.Messages;
using MailCatcher.Storage.Database;
using MailCatcher.Storage.Entities;
using MailCatcher.Storage.Queries;
using System.Data.Common;

namespace MailCatcher.Storage.Writing;

/// <summary>
/// The summary columns of a <c>Messages</c> row, for write operations that announce the row they
/// changed (<c>RETURNING</c> or <c>SELECT</c> this list, then <see cref="Read"/>), so no change has
/// to read the row again through EF Core after it commits.
/// </summary>
internal static class SummaryColumns
{
    public const string List = """
        Id, ReceivedAt, SessionId, FromName, FromAddress, ToJson, CcJson, EnvelopeFrom, EnvelopeToJson,
            Subject, Snippet, AttachmentCount, Size, IsRead, TagsJson, InboxId
        """;

    /// <summary>The row at the reader's current position, whose columns are <see cref="List"/> in order.</summary>
    public static StoredMessage Read(DbDataReader reader) => new()
    {
        Id = reader.GetInt64(0),
        ReceivedAt = UtcDateTimeConverter.Parse(reader.GetString(1)),
        SessionId = reader.GetInt64(2),
        FromName = reader.IsDBNull(3) ? null : reader.GetString(3),
        FromAddress = reader.IsDBNull(4) ? null : reader.GetString(4),
        ToJson = reader.GetString(5),
        CcJson = reader.GetString(6),
        EnvelopeFrom = reader.GetString(7),
        EnvelopeToJson = reader.GetString(8),
        Subject = reader.GetString(9),
        Snippet = reader.GetString(10),
        AttachmentCount = reader.GetInt32(11),
        Size = reader.GetInt64(12),
        IsRead = reader.GetBoolean(13),
        TagsJson = reader.GetString(14),
        InboxId = reader.GetInt64(15),
    };

    public static MessageSummary ReadSummary(DbDataReader reader) => MessageMapper.ToSummary(Read(reader));
}
