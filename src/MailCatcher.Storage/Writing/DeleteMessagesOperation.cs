using MailCatcher.Core.Events;

namespace MailCatcher.Storage.Writing;

/// <summary>Deletes the given messages, or every message when <c>ids</c> is null, and announces which went.</summary>
internal sealed class DeleteMessagesOperation(IReadOnlyCollection<long>? ids) : WriteOperation<IReadOnlyList<long>>
{
    private const string DeleteOneContent = "DELETE FROM MessageContents WHERE MessageId = $id";
    private const string DeleteOne = "DELETE FROM Messages WHERE Id = $id";
    private const string DeleteAllContent = "DELETE FROM MessageContents";
    private const string DeleteAll = "DELETE FROM Messages RETURNING Id";

    private readonly List<long> _deleted = [];

    public override void Execute(WriterCommands commands)
    {
        _deleted.Clear();
        if (ids is null)
        {
            commands.Get(DeleteAllContent).ExecuteNonQuery();
            using var reader = commands.Get(DeleteAll).ExecuteReader();
            while (reader.Read())
            {
                _deleted.Add(reader.GetInt64(0));
            }
            _deleted.Sort();
        }
        else
        {
            foreach (var id in ids)
            {
                var content = commands.Get(DeleteOneContent);
                content.Parameters.AddWithValue("$id", id);
                content.ExecuteNonQuery();
                var message = commands.Get(DeleteOne);
                message.Parameters.AddWithValue("$id", id);
                if (message.ExecuteNonQuery() > 0)
                {
                    _deleted.Add(id);
                }
            }
        }
        Result = _deleted;
    }

    protected override void Announce(MailEventBus events)
    {
        if (_deleted.Count > 0)
        {
            events.Publish(new MessagesDeleted([.. _deleted]));
        }
    }
}
