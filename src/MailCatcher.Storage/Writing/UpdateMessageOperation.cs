using MailCatcher.Core.Events;
using MailCatcher.Core.Messages;
using MailCatcher.Storage.Database;
using MailCatcher.Storage.Entities;
using MailCatcher.Storage.Queries;

namespace MailCatcher.Storage.Writing;

/// <summary>Changes a message's read state and/or tags; the result is the updated summary, null when there is no such message.</summary>
internal sealed class UpdateMessageOperation(long id, bool? isRead, IReadOnlyList<string>? tags) : WriteOperation<MessageSummary?>
{
    private const string Update = """
        UPDATE Messages SET IsRead = coalesce($isRead, IsRead), TagsJson = coalesce($tags, TagsJson)
        WHERE Id = $id
        RETURNING Id, ReceivedAt, SessionId, FromName, FromAddress, ToJson, CcJson, EnvelopeFrom, EnvelopeToJson,
            Subject, Snippet, AttachmentCount, Size, IsRead, TagsJson
        """;

    public override void Execute(WriterCommands commands)
    {
        var update = commands.Get(Update);
        update.Parameters.AddWithValue("$id", id);
        update.Parameters.AddWithValue("$isRead", isRead is { } read ? (read ? 1 : 0) : DBNull.Value);
        update.Parameters.AddWithValue("$tags", tags is null ? DBNull.Value : StorageJson.Serialize(tags));
        using var reader = update.ExecuteReader();
        if (!reader.Read())
        {
            Result = null;
            return;
        }
        Result = MessageMapper.ToSummary(new StoredMessage
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
            IsRead = reader.GetInt64(13) != 0,
            TagsJson = reader.GetString(14),
        });
    }

    protected override void Announce(MailEventBus events)
    {
        if (Result is not null)
        {
            events.Publish(new MessageUpdated(Result));
        }
    }
}
