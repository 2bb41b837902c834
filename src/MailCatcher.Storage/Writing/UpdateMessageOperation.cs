using MailCatcher.Core.Events;
using MailCatcher.Core.Messages;
using MailCatcher.Storage.Database;

namespace MailCatcher.Storage.Writing;

/// <summary>Changes a message's read state and/or tags; the result is the updated summary, null when there is no such message.</summary>
/// <param name="inboxId">Only when the message is in this inbox (issue 13); null: any inbox.</param>
internal sealed class UpdateMessageOperation(long id, bool? isRead, IReadOnlyList<string>? tags, long? inboxId = null) : WriteOperation<MessageSummary?>
{
    private const string Update = $"""
        UPDATE Messages SET IsRead = coalesce($isRead, IsRead), TagsJson = coalesce($tags, TagsJson)
        WHERE Id = $id AND (CAST($inbox AS bigint) IS NULL OR InboxId = $inbox)
        RETURNING {SummaryColumns.List}
        """;

    public override void Execute(WriterCommands commands)
    {
        var update = commands.Get(Update);
        update.Parameters.AddWithValue("$id", id);
        update.Parameters.AddWithValue("$inbox", (object?)inboxId ?? DBNull.Value);
        update.Parameters.AddWithValue("$isRead", isRead);
        update.Parameters.AddWithValue("$tags", tags is null ? DBNull.Value : StorageJson.Serialize(tags));
        using var reader = update.ExecuteReader();
        if (!reader.Read())
        {
            Result = null;
            return;
        }
        Result = SummaryColumns.ReadSummary(reader);
    }

    protected override void Announce(MailEventBus events)
    {
        if (Result is not null)
        {
            events.Publish(new MessageUpdated(Result));
        }
    }
}
