using MailCatcher.Core.Events;
using MailCatcher.Core.Messages;
using MailCatcher.Storage.Database;
using MailCatcher.Storage.Entities;
using MailCatcher.Storage.Queries;

namespace MailCatcher.Storage.Writing;

/// <summary>Adds one tag to a message's <c>TagsJson</c> (no duplicates) and announces <see cref="MessageUpdated"/>.</summary>
internal sealed class AddTagOperation(long messageId, string tag) : WriteOperation<bool>
{
    private const string Select = $"SELECT {SummaryColumns.List} FROM Messages WHERE Id = $id";

    private const string Update = "UPDATE Messages SET TagsJson = $tags WHERE Id = $id";

    private MessageSummary? _summary;

    public override void Execute(WriterCommands commands)
    {
        var select = commands.Get(Select);
        select.Parameters.AddWithValue("$id", messageId);
        StoredMessage row;
        using (var reader = select.ExecuteReader())
        {
            if (!reader.Read())
            {
                Result = false;
                return;
            }
            row = SummaryColumns.Read(reader);
        }
        var tags = StorageJson.Deserialize<List<string>>(row.TagsJson);
        if (!tags.Contains(tag, StringComparer.OrdinalIgnoreCase))
        {
            tags.Add(tag);
            row.TagsJson = StorageJson.Serialize(tags);
            var update = commands.Get(Update);
            update.Parameters.AddWithValue("$id", messageId);
            update.Parameters.AddWithValue("$tags", row.TagsJson);
            update.ExecuteNonQuery();
        }
        _summary = MessageMapper.ToSummary(row);
        Result = true;
    }

    protected override void Announce(MailEventBus events)
    {
        if (_summary is not null)
        {
            events.Publish(new MessageUpdated(_summary));
        }
    }
}
