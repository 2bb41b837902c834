using MailCatcher.Core.Events;
using MailCatcher.Core.Messages;
using MailCatcher.Storage.Database;

namespace MailCatcher.Storage.Writing;

/// <summary>Marks messages read or unread; the result is the summaries of those whose state really changed, each announced.</summary>
internal sealed class SetReadOperation(IReadOnlyCollection<long> ids, bool isRead) : WriteOperation<IReadOnlyList<MessageSummary>>
{
    private const string Update = $"UPDATE Messages SET IsRead = $read WHERE Id = $id AND IsRead <> $read RETURNING {SummaryColumns.List}";

    public override void Execute(WriterCommands commands)
    {
        var changed = new List<MessageSummary>();
        foreach (var id in ids)
        {
            var update = commands.Get(Update);
            update.Parameters.AddWithValue("$read", isRead);
            update.Parameters.AddWithValue("$id", id);
            using var reader = update.ExecuteReader();
            if (reader.Read())
            {
                changed.Add(SummaryColumns.ReadSummary(reader));
            }
        }
        Result = changed;
    }

    protected override void Announce(MailEventBus events)
    {
        foreach (var summary in Result ?? [])
        {
            events.Publish(new MessageUpdated(summary));
        }
    }
}
